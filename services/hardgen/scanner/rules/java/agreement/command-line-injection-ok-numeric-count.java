// hardgen-expect: java/untrusted-data-to-external-api
// hardgen-near-miss: java/command-line-injection
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

@WebServlet("/ping-local")
public class LocalPingServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        int count = Integer.parseInt(request.getParameter("count"));
        if (count < 1 || count > 10) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        Process process = new ProcessBuilder("/bin/ping", "-c", String.valueOf(count), "127.0.0.1").start();
        try {
            response.getWriter().println(process.waitFor() == 0 ? "ok" : "failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
