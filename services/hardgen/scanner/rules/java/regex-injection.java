import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;

public class RegexInjectionTest extends HttpServlet {

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
        String pattern = req.getParameter("pattern");
        // ruleid: java-regex-injection
        Pattern p = Pattern.compile(pattern);
        // ruleid: java-regex-injection
        boolean m = "some text".matches(req.getParameter("re"));
        // ruleid: java-regex-injection
        String[] parts = "a,b,c".split(req.getHeader("X-Sep"));
        // ok: java-regex-injection
        Pattern q = Pattern.compile(Pattern.quote(pattern));
        // ok: java-regex-injection
        boolean n = pattern.matches("[a-z]+");
    }
}
