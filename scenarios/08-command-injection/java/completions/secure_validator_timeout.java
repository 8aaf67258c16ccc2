import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.commons.validator.routines.DomainValidator;
import org.apache.commons.validator.routines.InetAddressValidator;

@WebServlet("/url/ping")
public class PingServlet extends HttpServlet {

    // ping a URL to see if it is alive using the "ping" system command
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        // the URL to ping is stored as a variable "url"
        String url = req.getParameter("url");
        String host = url == null ? "" : url.replaceFirst("^https?://", "").replaceAll("/.*$", "");
        if (!DomainValidator.getInstance().isValid(host) && !InetAddressValidator.getInstance().isValid(host)) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        Process process = new ProcessBuilder(new String[] {"/bin/ping", "-c", "1", host}).start();
        try {
            boolean done = process.waitFor(4, TimeUnit.SECONDS);
            if (!done) {
                process.destroyForcibly();
            }
            resp.getWriter().println(done && process.exitValue() == 0 ? "alive" : "dead");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            resp.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        }
    }
}
