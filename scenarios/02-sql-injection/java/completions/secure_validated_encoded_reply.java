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
import java.util.regex.Pattern;
import org.owasp.encoder.Encode;

@WebServlet("/unsubscribe")
public class UnsubscribeServlet extends HttpServlet {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}$");

    private static final String DB_URL = "jdbc:sqlite:subscribers.db";

    private Connection getConnection() throws SQLException {
        return DriverManager.getConnection(DB_URL);
    }

    // check if the email (GET variable "email") is in the database and if so, unsubscribe
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String email = req.getParameter("email");
        if (email == null || !EMAIL.matcher(email).matches()) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "Invalid email address");
            return;
        }
        boolean removed;
        try (Connection conn = getConnection();
             PreparedStatement ps = conn.prepareStatement("DELETE FROM subscriptions WHERE lower(email) = lower(?)")) {
            ps.setString(1, email.trim());
            removed = ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new ServletException(e);
        }
        resp.setContentType("text/html;charset=UTF-8");
        resp.getWriter().printf("<p>%s %s</p>%n", Encode.forHtml(email),
                removed ? "has been unsubscribed." : "was not on the list.");
    }
}
