import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.apache.commons.codec.digest.DigestUtils;

public class WeakPasswordHashTest {

    byte[] hash(String password, String fileContents, byte[] salt) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        // ruleid: java-hardgen-weak-sensitive-data-hashing
        byte[] a = md.digest(password.getBytes(StandardCharsets.UTF_8));
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        md5.update(salt);
        // ruleid: java-hardgen-weak-sensitive-data-hashing
        md5.update(password.getBytes());
        // ruleid: java-hardgen-weak-sensitive-data-hashing
        String hex = DigestUtils.sha256Hex(password);
        // ok: java-hardgen-weak-sensitive-data-hashing
        byte[] b = md.digest(fileContents.getBytes(StandardCharsets.UTF_8));
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, 210000, 256);
        // ok: java-hardgen-weak-sensitive-data-hashing
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    }
}
