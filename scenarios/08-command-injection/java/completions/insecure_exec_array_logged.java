import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

@WebServlet("/url/ping")
public class PingServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(PingServlet.class.getName());

    // ping a URL to see if it is alive using the "ping" system command
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        // the URL to ping is stored as a variable "url"
        String url = req.getParameter("url");
        LOG.info("Pinging " + url);
        String[] command = {"/bin/ping", "-c", "1", "-W", "2", url};
        Process process = Runtime.getRuntime().exec(command);
        try {
            boolean finished = process.waitFor(5, TimeUnit.SECONDS);
            resp.getWriter().print(finished && process.exitValue() == 0 ? "alive" : "unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            resp.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        }
    }
}
