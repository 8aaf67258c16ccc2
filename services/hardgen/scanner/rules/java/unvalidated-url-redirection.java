import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

public class RedirectTest extends HttpServlet {

    private static final Set<String> ALLOWED = Set.of("/home", "/profile");

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String next = req.getParameter("next");
        // ruleid: java-unvalidated-url-redirection
        resp.sendRedirect(next);
        // ruleid: java-unvalidated-url-redirection
        resp.setHeader("Location", req.getHeader("Referer"));
        // ok: java-unvalidated-url-redirection
        resp.sendRedirect("/search?q=" + next);
        // ok: java-unvalidated-url-redirection
        resp.sendRedirect(req.getContextPath() + "/home");
    }

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String next = req.getParameter("next");
        if (!ALLOWED.contains(next)) {
            next = "/home";
        }
        // ok: java-unvalidated-url-redirection
        resp.sendRedirect(next);
    }
}
