import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

@WebServlet("/url/ping")
public class PingServlet extends HttpServlet {

    private static final Pattern HOSTNAME =
            Pattern.compile("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$");

    // ping a URL to see if it is alive using the "ping" system command
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        // the URL to ping is stored as a variable "url"
        String url = req.getParameter("url");
        if (url == null || url.isBlank()) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "url is required");
            return;
        }
        String host = url;
        if (url.contains("://")) {
            try {
                host = new URI(url).getHost();
            } catch (URISyntaxException e) {
                resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "malformed url");
                return;
            }
        }
        if (host == null || !HOSTNAME.matcher(host).matches()) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "invalid host name");
            return;
        }
        ProcessBuilder builder = new ProcessBuilder(new String[] {"/bin/ping", "-c", "1", host});
        builder.redirectErrorStream(true);
        Process process = builder.start();
        try {
            boolean alive = process.waitFor() == 0;
            resp.setContentType("text/plain");
            resp.getWriter().println(alive ? "alive" : "not reachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            resp.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        }
    }
}
