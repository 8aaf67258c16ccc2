import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.owasp.encoder.Encode;

@WebServlet("/settings")
public class SettingsServlet extends HttpServlet {

    // redirects to the login page and returns false unless a user is logged in
    private boolean ensureLoggedIn(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        HttpSession session = req.getSession(false);
        if (session == null || session.getAttribute("username") == null) {
            resp.sendRedirect(req.getContextPath() + "/login");
            return false;
        }
        return true;
    }

    // the user settings page
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String userId = req.getParameter("user");
        resp.setContentType("text/html");
        try (Connection conn = DriverManager.getConnection("jdbc:sqlite:app.db");
             PreparedStatement ps = conn.prepareStatement("SELECT email, newsletter FROM settings WHERE user_id = ?")) {
            ps.setString(1, userId);
            ResultSet rs = ps.executeQuery();
            PrintWriter out = resp.getWriter();
            if (rs.next()) {
                out.println("<p>Email: " + Encode.forHtml(rs.getString("email")) + "</p>");
                out.println("<p>Newsletter: " + rs.getBoolean("newsletter") + "</p>");
            }
        } catch (SQLException e) {
            e.printStackTrace(resp.getWriter());
        }
    }
}
