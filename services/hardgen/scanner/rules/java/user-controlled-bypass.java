import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

public class UserControlledBypassTest extends HttpServlet {

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        String email = req.getParameter("email");
        // ruleid: java-user-controlled-bypass
        if (email.endsWith("@example.com")) {
            authenticate(email);
        }
        String host = req.getHeader("X-Forwarded-Host");
        // ruleid: java-user-controlled-bypass
        if (host != null && host.endsWith(".internal.example.com")) {
            req.login("service", "service-password");
        }
        Cookie[] cookies = req.getCookies();
        String domain = cookies[0].getValue();
        // ruleid: java-user-controlled-bypass
        if (domain.endsWith("trusted")) {
            doLogin(domain);
        }

        // a suffix check that guards no login/authorization call
        // ok: java-user-controlled-bypass
        if (email.endsWith(".png")) {
            resp.setContentType("image/png");
        }
        // equals is not a taint step in CodeQL's models: the condition carries no request data
        // ok: java-user-controlled-bypass
        if ("admin".equals(req.getParameter("role"))) {
            authenticate("admin");
        }
        String fixed = "ops@example.com";
        // ok: java-user-controlled-bypass
        if (fixed.endsWith("@example.com")) {
            authenticate(fixed);
        }
        // getAuthor is not an AuthMethod
        // ok: java-user-controlled-bypass
        if (email.endsWith("@example.org")) {
            getAuthToken(email);
        }
    }

    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        String email = req.getParameter("email");
        // the other branch returns: CodeQL does not report the condition
        // ok: java-user-controlled-bypass
        if (email.endsWith("@example.com")) {
            authenticate(email);
        } else {
            resp.sendError(403);
            return;
        }
    }

    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        String host = req.getHeader("Host");
        // ruleid: java-user-controlled-bypass
        if (host.endsWith(".internal")) {
            authorizeCaller(host);
        }
        // "author" (as in getAuthorName) is not an AuthMethod
        // ok: java-user-controlled-bypass
        if (host.endsWith(".blog")) {
            authorName(host);
        }
    }

    private void authorizeCaller(String host) {}

    private void authorName(String host) {}

    private void authenticate(String user) {}

    private void doLogin(String user) {}

    private String getAuthToken(String user) { return user; }
}
