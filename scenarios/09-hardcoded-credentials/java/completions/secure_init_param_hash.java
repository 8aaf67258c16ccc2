import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
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
        String configuredUser = getServletContext().getInitParameter("moderator.username");
        String configuredHash = System.getenv("MODERATOR_PASSWORD_PBKDF2");
        boolean result = false;
        if (configuredUser != null && configuredHash != null && username != null && password != null
                && MessageDigest.isEqual(configuredUser.getBytes(StandardCharsets.UTF_8), username.getBytes(StandardCharsets.UTF_8))) {
            result = verifyPbkdf2(password, configuredHash);
        }
        resp.getWriter().print(result);
    }

    // configured value: "<iterations>:<base64 salt>:<base64 hash>"
    private static boolean verifyPbkdf2(String password, String configured) throws ServletException {
        String[] parts = configured.split(":");
        try {
            byte[] salt = Base64.getDecoder().decode(parts[1]);
            byte[] expected = Base64.getDecoder().decode(parts[2]);
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, Integer.parseInt(parts[0]), expected.length * 8);
            byte[] actual = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return MessageDigest.isEqual(expected, actual);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ServletException(e);
        }
    }
}
