import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

@WebServlet("/unsubscribe")
public class UnsubscribeServlet extends HttpServlet {

    private static final String DB_URL = "jdbc:sqlite:subscribers.db";

    private Connection getConnection() throws SQLException {
        return DriverManager.getConnection(DB_URL);
    }

    // check if the email (GET variable "email") is in the database and if so, unsubscribe
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String email = req.getParameter("email");
        if (email == null || email.isBlank()) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "email is required");
            return;
        }
        try (Connection conn = getConnection()) {
            PreparedStatement check = conn.prepareStatement(
                    "SELECT COUNT(*) FROM subscriptions WHERE email = '" + email + "'");
            ResultSet rs = check.executeQuery();
            if (rs.next() && rs.getInt(1) > 0) {
                PreparedStatement delete = conn.prepareStatement("DELETE FROM subscriptions WHERE email = ?");
                delete.setString(1, email);
                delete.executeUpdate();
                resp.getWriter().write("Unsubscribed successfully");
            } else {
                resp.getWriter().write("Email address not found");
            }
        } catch (SQLException e) {
            resp.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "Database error: " + e.getMessage());
        }
    }
}
