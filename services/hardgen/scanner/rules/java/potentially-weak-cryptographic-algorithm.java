import java.security.MessageDigest;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;

public class MaybeWeakCryptoTest {

    void algorithms() throws Exception {
        // ruleid: java-potentially-weak-cryptographic-algorithm
        Cipher ecb = Cipher.getInstance("AES/ECB/PKCS5Padding");
        // ruleid: java-potentially-weak-cryptographic-algorithm
        Cipher cbc = Cipher.getInstance("AES/CBC/PKCS5Padding");
        // ruleid: java-potentially-weak-cryptographic-algorithm
        MessageDigest ripemd = MessageDigest.getInstance("RIPEMD160");
        // ruleid: java-potentially-weak-cryptographic-algorithm
        Cipher desede = Cipher.getInstance("DESede/CBC/PKCS5Padding");
        // ruleid: java-potentially-weak-cryptographic-algorithm
        SecretKeyFactory sha1kdf = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1");
        // ok: java-potentially-weak-cryptographic-algorithm
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        // ok: java-potentially-weak-cryptographic-algorithm
        MessageDigest sha = MessageDigest.getInstance("SHA-512");
        // ok: java-potentially-weak-cryptographic-algorithm
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        // ok: java-potentially-weak-cryptographic-algorithm
        SecretKeyFactory kdf = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
    }
}
