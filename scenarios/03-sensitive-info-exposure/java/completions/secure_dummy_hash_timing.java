import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.spec.KeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

@WebServlet("/login")
public class LoginServlet extends HttpServlet {

    private static final String DB_URL = "jdbc:sqlite:users.db";

    private Connection getConnection() throws SQLException {
        return DriverManager.getConnection(DB_URL);
    }

    // stored hashes have the form "<iterations>:<base64 salt>:<base64 PBKDF2-SHA256 hash>"
    private static boolean checkPassword(String password, String stored) throws ServletException {
        try {
            String[] parts = stored.split(":");
            int iterations = Integer.parseInt(parts[0]);
            byte[] salt = Base64.getDecoder().decode(parts[1]);
            byte[] expected = Base64.getDecoder().decode(parts[2]);
            KeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, expected.length * 8);
            byte[] actual = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return MessageDigest.isEqual(expected, actual);
        } catch (Exception e) {
            throw new ServletException("password check failed", e);
        }
    }

    // log the user in if the username and password are correct
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String username = req.getParameter("username");
        String password = req.getParameter("password");
        final String dummy = "210000:AAAAAAAAAAAAAAAAAAAAAA==:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
        String stored = null;
        String canonicalName = null;
        try (Connection conn = getConnection();
             PreparedStatement ps = conn.prepareStatement("SELECT username, password_hash FROM users WHERE username = ?")) {
            ps.setString(1, username == null ? "" : username);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    canonicalName = rs.getString("username");
                    stored = rs.getString("password_hash");
                }
            }
        } catch (SQLException e) {
            throw new ServletException(e);
        }
        // always run the hash so that response time does not reveal whether the user exists
        boolean valid = checkPassword(password == null ? "" : password, stored != null ? stored : dummy) && stored != null;
        resp.setContentType("text/plain;charset=UTF-8");
        if (!valid) {
            resp.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            resp.getWriter().print("Login failed");
            return;
        }
        req.getSession().setAttribute("username", canonicalName);
        resp.getWriter().print("Welcome back");
    }
}
