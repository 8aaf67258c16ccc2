import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

public class ResponseSplittingTest extends HttpServlet {

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
        String name = req.getParameter("file");
        // ruleid: java-http-response-splitting
        resp.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        // ruleid: java-http-response-splitting
        resp.addHeader("X-Lang", req.getHeader("Accept-Language"));
        // ok: java-http-response-splitting
        resp.setHeader("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[\\r\\n\"]", "_") + "\"");
        // ok: java-http-response-splitting
        resp.setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        // ok: java-http-response-splitting
        resp.setHeader("Cache-Control", "no-store");
    }
}
