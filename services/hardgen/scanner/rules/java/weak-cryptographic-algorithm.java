import java.security.MessageDigest;
import javax.crypto.Cipher;
import javax.crypto.Mac;

public class WeakCryptoTest {

    void hashes() throws Exception {
        // ruleid: java-weak-cryptographic-algorithm
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        // ruleid: java-weak-cryptographic-algorithm
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        // ruleid: java-weak-cryptographic-algorithm
        Cipher des = Cipher.getInstance("DES/CBC/PKCS5Padding");
        // ruleid: java-weak-cryptographic-algorithm
        Cipher rc4 = Cipher.getInstance("RC4");
        // ok: java-weak-cryptographic-algorithm
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        // ok: java-weak-cryptographic-algorithm
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        // ok: java-weak-cryptographic-algorithm
        Mac mac = Mac.getInstance("HmacSHA256");
        // ok: java-weak-cryptographic-algorithm
        Cipher blowfish = Cipher.getInstance("Blowfish");
        // ok: java-weak-cryptographic-algorithm
        Cipher desede = Cipher.getInstance("DESede/CBC/PKCS5Padding");
    }
}
