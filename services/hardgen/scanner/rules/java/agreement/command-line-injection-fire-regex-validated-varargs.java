// hardgen-expect: java/command-line-injection, java/untrusted-data-to-external-api
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.regex.Pattern;

@WebServlet("/traceroute")
public class TracerouteServlet extends HttpServlet {
    private static final Pattern HOST = Pattern.compile("^[a-zA-Z0-9.-]{1,253}$");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String host = request.getParameter("host");
        if (host == null || !HOST.matcher(host).matches()) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "invalid host");
            return;
        }
        Process process = new ProcessBuilder("/usr/sbin/traceroute", "-m", "10", host).start();
        try {
            response.getWriter().println(process.waitFor() == 0 ? "done" : "failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
