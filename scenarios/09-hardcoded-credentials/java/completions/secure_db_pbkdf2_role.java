import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

@WebServlet("/check_mod")
public class ModeratorServlet extends HttpServlet {

    // return true if they are a moderator
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String username = req.getParameter("username");
        String password = req.getParameter("password");
        boolean moderator = false;
        try (Connection conn = DriverManager.getConnection(System.getenv("DB_URL"));
             PreparedStatement ps = conn.prepareStatement(
                     "SELECT password_hash, salt, role FROM users WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && password != null) {
                    byte[] salt = Base64.getDecoder().decode(rs.getString("salt"));
                    byte[] expected = Base64.getDecoder().decode(rs.getString("password_hash"));
                    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, 210_000, 256);
                    byte[] actual = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
                    moderator = MessageDigest.isEqual(expected, actual) && "moderator".equals(rs.getString("role"));
                }
            }
        } catch (SQLException | GeneralSecurityException e) {
            throw new ServletException(e);
        }
        resp.getWriter().print(moderator ? "true" : "false");
    }
}
