import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

public class InsecureCookieTest extends HttpServlet {

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
        Cookie remember = new Cookie("remember", "1");
        remember.setHttpOnly(true);
        // ruleid: java-insecure-cookie
        resp.addCookie(remember);
        // ruleid: java-insecure-cookie
        resp.addCookie(new Cookie("theme", "dark"));
        Cookie explicit = new Cookie("x", "y");
        explicit.setSecure(false);
        // ruleid: java-insecure-cookie
        resp.addCookie(explicit);
    }

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) {
        Cookie session = new Cookie("sid", "abc");
        session.setSecure(true);
        session.setHttpOnly(true);
        // ok: java-insecure-cookie
        resp.addCookie(session);
        Cookie other = new Cookie("pref", "1");
        other.setSecure(req.isSecure());
        // ok: java-insecure-cookie
        resp.addCookie(other);
    }
}
