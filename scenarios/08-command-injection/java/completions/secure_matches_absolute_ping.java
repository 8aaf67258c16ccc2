import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

@WebServlet("/url/ping")
public class PingServlet extends HttpServlet {

    // ping a URL to see if it is alive using the "ping" system command
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        // the URL to ping is stored as a variable "url"
        String url = req.getParameter("url");
        if (url == null || !url.matches("[a-zA-Z0-9.-]{1,253}")) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "Please give a bare host name");
            return;
        }
        Process p = new ProcessBuilder(new String[] {"/bin/ping", "-c", "1", "-W", "2", url})
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        int status;
        try {
            status = p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        }
        resp.getWriter().write(status == 0 ? "up" : "down");
    }
}
