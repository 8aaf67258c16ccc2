import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.apache.commons.text.StringEscapeUtils;
import org.owasp.encoder.Encode;

public class XssTest extends HttpServlet {

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getParameter("name");
        // ruleid: java-xss
        resp.getWriter().println("<p>Hello " + name + "</p>");
        PrintWriter out = resp.getWriter();
        // ruleid: java-xss
        out.printf("<h1>%s</h1>", req.getPathInfo());
        StringBuilder html = new StringBuilder();
        html.append("<b>");
        html.append(name);
        // ruleid: java-xss
        out.write(html.toString());
        // ruleid: java-xss
        resp.getOutputStream().write(("<p>" + req.getHeader("X-Name")).getBytes(StandardCharsets.UTF_8));
        try (PrintWriter w = resp.getWriter()) {
            // ruleid: java-xss
            w.print(req.getQueryString());
        }
    }

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        String name = req.getParameter("name");
        // ok: java-xss
        resp.getWriter().println("<p>Hello " + Encode.forHtml(name) + "</p>");
        // ok: java-xss
        resp.getWriter().println("<p>Hello " + StringEscapeUtils.escapeHtml4(name) + "</p>");
        // CodeQL's DefaultXssSanitizer: a method named htmlEscape/html_escape
        // ok: java-xss
        resp.getWriter().println("<p>Hello " + htmlEscape(name) + "</p>");
        // a helper with another name passes taint on through String.replace
        // ruleid: java-xss
        resp.getWriter().println("<p>Hello " + escapeHtml(name) + "</p>");
        // ok: java-xss
        resp.getWriter().println("<p>Hello world</p>");
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] digest = md.digest(name.getBytes(StandardCharsets.UTF_8));
        // a digest is not request data (MessageDigest has no taint-step model)
        // ok: java-xss
        resp.getWriter().println("<code>" + HexFormat.of().formatHex(digest) + "</code>");
        int n = Integer.parseInt(req.getParameter("n"));
        // ok: java-xss
        resp.getWriter().println("<p>" + n + "</p>");
    }

    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain;charset=UTF-8");
        // XSS.qll ignores the content type of servlet responses
        // ruleid: java-xss
        resp.getWriter().println("Hello " + req.getParameter("name"));
    }

    private static String htmlEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
