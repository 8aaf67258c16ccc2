import java.net.PasswordAuthentication;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import javax.crypto.spec.SecretKeySpec;

public class HardcodedApiCallTest {

    void connect() throws Exception {
        // ruleid: java-hardcoded-credential-api-call
        Connection c = DriverManager.getConnection("jdbc:mysql://localhost/db", "root", "r00t");
        // ruleid: java-hardcoded-credential-api-call
        SecretKeySpec key = new SecretKeySpec("0123456789abcdef".getBytes(StandardCharsets.UTF_8), "AES");
        // ruleid: java-hardcoded-credential-api-call
        PasswordAuthentication auth = new PasswordAuthentication("bot", "botpass".toCharArray());
        // ok: java-hardcoded-credential-api-call
        Connection d = DriverManager.getConnection(System.getenv("DB_URL"), System.getenv("DB_USER"), System.getenv("DB_PASSWORD"));
        // ok: java-hardcoded-credential-api-call
        Connection e = DriverManager.getConnection("jdbc:sqlite:users.db");
        // ok: java-hardcoded-credential-api-call
        SecretKeySpec k2 = new SecretKeySpec(System.getenv("KEY").getBytes(StandardCharsets.UTF_8), "AES");
    }
}
