import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
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
        if (username == null || !username.matches("[A-Za-z0-9_.-]{3,32}") || password == null || password.length() < 10) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "invalid username or password too short");
            return;
        }
        String passwordHash = hashPassword(password.toCharArray());
        try (Connection c = getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO users (username, password_hash) VALUES (?, ?)")) {
            insert.setString(1, username);
            insert.setString(2, passwordHash);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new ServletException(e);
        }
        resp.setStatus(HttpServletResponse.SC_CREATED);
    }

    private static String hashPassword(char[] password) throws ServletException {
        try {
            byte[] salt = new byte[16];
            new SecureRandom().nextBytes(salt);
            int iterations = 600_000;
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            Base64.Encoder b64 = Base64.getEncoder();
            return iterations + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(key);
        } catch (GeneralSecurityException e) {
            throw new ServletException(e);
        }
    }
}
