import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import com.lambdaworks.crypto.SCryptUtil;
import org.mindrot.jbcrypt.BCrypt;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

public class CleartextPasswordTest extends HttpServlet {

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        String username = req.getParameter("username");
        String password = req.getParameter("password");
        Connection conn = DriverManager.getConnection("jdbc:sqlite:users.db");
        PreparedStatement ps = conn.prepareStatement("INSERT INTO users VALUES (?, ?)");
        // ok: java-hardgen-cleartext-password-storage
        ps.setString(1, username);
        // ruleid: java-hardgen-cleartext-password-storage
        ps.setString(2, password);
        String encoded = Base64.getEncoder().encodeToString(password.getBytes());
        // ruleid: java-hardgen-cleartext-password-storage
        ps.setString(2, encoded);
        // ruleid: java-hardgen-cleartext-password-storage
        conn.createStatement().executeUpdate("INSERT INTO users VALUES ('x', '" + req.getParameter("pwd") + "')");
    }

    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        String password = req.getParameter("password");
        Connection conn = DriverManager.getConnection("jdbc:sqlite:users.db");
        PreparedStatement ps = conn.prepareStatement("INSERT INTO users VALUES (?, ?)");
        String hashed = BCrypt.hashpw(password, BCrypt.gensalt());
        // ok: java-hardgen-cleartext-password-storage
        ps.setString(2, hashed);
        byte[] salt = new byte[16];
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 210000, 256)).getEncoded();
        // ok: java-hardgen-cleartext-password-storage
        ps.setBytes(2, key);
        // ok: java-hardgen-cleartext-password-storage
        ps.setString(2, hashPassword(password));
        BCryptPasswordEncoder passwordEncoder = new BCryptPasswordEncoder();
        // ok: java-hardgen-cleartext-password-storage
        ps.setString(2, passwordEncoder.encode(password));
        // ok: java-hardgen-cleartext-password-storage
        ps.setString(2, SCryptUtil.scrypt(password, 16384, 8, 1));
    }

    private static String hashPassword(String password) {
        return password;
    }
}
