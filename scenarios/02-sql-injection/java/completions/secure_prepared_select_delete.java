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
        if (email == null || email.isEmpty()) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "Missing email");
            return;
        }
        try (Connection conn = getConnection();
             PreparedStatement select = conn.prepareStatement("SELECT id FROM subscriptions WHERE email = ?")) {
            select.setString(1, email);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    resp.getWriter().println("You are not subscribed.");
                    return;
                }
            }
            try (PreparedStatement delete = conn.prepareStatement("DELETE FROM subscriptions WHERE email = ?")) {
                delete.setString(1, email);
                delete.executeUpdate();
            }
            resp.getWriter().println("You have been unsubscribed.");
        } catch (SQLException e) {
            throw new ServletException("Could not unsubscribe", e);
        }
    }
}
