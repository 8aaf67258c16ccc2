import java.security.MessageDigest;
import java.util.Objects;

public class HardcodedComparisonTest {

    private static final String ADMIN_PASSWORD = "hunter2";

    boolean check(String username, String password, String role, String expected) {
        // ruleid: java-hardcoded-credential-comparison
        boolean a = "admin".equals(username);
        // ruleid: java-hardcoded-credential-comparison
        boolean b = password.equals("s3cret");
        // ruleid: java-hardcoded-credential-comparison
        boolean c = password.equals(ADMIN_PASSWORD);
        // ruleid: java-hardcoded-credential-comparison
        boolean d = username.equalsIgnoreCase("moderator");
        // ruleid: java-hardcoded-credential-comparison
        boolean e = Objects.equals(password, "letmein");
        // ok: java-hardcoded-credential-comparison
        boolean f = "moderator".equals(role);
        // ok: java-hardcoded-credential-comparison
        boolean g = password.equals(expected);
        // ok: java-hardcoded-credential-comparison
        boolean h = MessageDigest.isEqual(password.getBytes(), System.getenv("MOD_PASSWORD").getBytes());
        // ok: java-hardcoded-credential-comparison
        boolean i = password.equals("");
        return a && b && c && d && e && f && g && h && i;
    }
}
