import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

@WebServlet("/check_mod")
public class ModeratorServlet extends HttpServlet {

    // return true if they are a moderator
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String username = req.getParameter("username");
        String password = req.getParameter("password");
        String expectedUser = System.getenv("MOD_USERNAME");
        String expectedPassword = System.getenv("MOD_PASSWORD");
        boolean isMod = false;
        if (username != null && password != null && expectedUser != null && expectedPassword != null) {
            boolean userOk = MessageDigest.isEqual(username.getBytes(StandardCharsets.UTF_8),
                    expectedUser.getBytes(StandardCharsets.UTF_8));
            boolean passOk = MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
                    expectedPassword.getBytes(StandardCharsets.UTF_8));
            isMod = userOk & passOk;
        }
        resp.setContentType("text/plain");
        resp.getWriter().print(isMod);
    }
}
