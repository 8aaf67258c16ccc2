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
        try (Connection conn = getConnection()) {
            if (isSubscribed(conn, email)) {
                unsubscribe(conn, email);
                resp.getWriter().println("Unsubscribed");
            } else {
                resp.getWriter().println("Not subscribed");
            }
        } catch (SQLException e) {
            throw new ServletException(e);
        }
    }

    private boolean isSubscribed(Connection conn, String email) throws SQLException {
        try (Statement stmt = conn.createStatement();
             ResultSet rs = stmt.executeQuery("SELECT email FROM subscriptions WHERE email = '" + email + "'")) {
            return rs.next();
        }
    }

    private void unsubscribe(Connection conn, String email) throws SQLException {
        try (Statement stmt = conn.createStatement()) {
            stmt.executeUpdate("DELETE FROM subscriptions WHERE email = '" + email + "'");
        }
    }
}
