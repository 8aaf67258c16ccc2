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
        resp.setContentType("text/html");
        try (Connection connection = getConnection()) {
            Statement statement = connection.createStatement();
            String sql = String.format("DELETE FROM subscriptions WHERE email = '%s'", email);
            int deleted = statement.executeUpdate(sql);
            if (deleted > 0) {
                resp.getWriter().println("<p>" + email + " has been unsubscribed.</p>");
            } else {
                resp.getWriter().println("<p>Email not found.</p>");
            }
        } catch (SQLException e) {
            e.printStackTrace(resp.getWriter());
        }
    }
}
