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
        final String email = req.getParameter("email");
        try (Connection conn = getConnection()) {
            conn.setAutoCommit(false);
            boolean found;
            try (PreparedStatement find = conn.prepareStatement(
                    "SELECT 1 FROM subscriptions WHERE email = ?")) {
                find.setString(1, email);
                found = find.executeQuery().next();
            }
            if (found) {
                try (PreparedStatement remove = conn.prepareStatement(
                        "DELETE FROM subscriptions WHERE email = ?")) {
                    remove.setString(1, email);
                    remove.executeUpdate();
                }
            }
            conn.commit();
            resp.sendRedirect(req.getContextPath() + (found ? "/unsubscribed.html" : "/not-subscribed.html"));
        } catch (SQLException e) {
            throw new ServletException("unsubscribe failed", e);
        }
    }
}
