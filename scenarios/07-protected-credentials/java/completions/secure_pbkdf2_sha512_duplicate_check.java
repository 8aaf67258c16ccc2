import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

@WebServlet("/register")
public class RegisterServlet extends HttpServlet {

    private static final String DB_URL = "jdbc:sqlite:users.db";

    private Connection getConnection() throws SQLException {
        return DriverManager.getConnection(DB_URL);
    }

    // register a new user: store the username and the password in the users table
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String username = req.getParameter("username");
        String password = req.getParameter("password");
        try (Connection conn = getConnection()) {
            try (PreparedStatement exists = conn.prepareStatement("SELECT 1 FROM users WHERE username = ?")) {
                exists.setString(1, username);
                if (exists.executeQuery().next()) {
                    resp.sendError(HttpServletResponse.SC_CONFLICT, "Username already taken");
                    return;
                }
            }
            byte[] salt = SecureRandom.getInstanceStrong().generateSeed(16);
            KeySpec spec = new PBEKeySpec(password.toCharArray(), salt, 120_000, 512);
            byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
            try (PreparedStatement insert = conn.prepareStatement(
                    "INSERT INTO users (username, salt, password_hash) VALUES (?, ?, ?)")) {
                insert.setString(1, username);
                insert.setBytes(2, salt);
                insert.setBytes(3, derived);
                insert.executeUpdate();
            }
        } catch (SQLException | GeneralSecurityException e) {
            throw new ServletException(e);
        }
        resp.sendRedirect(req.getContextPath() + "/login?registered");
    }
}
