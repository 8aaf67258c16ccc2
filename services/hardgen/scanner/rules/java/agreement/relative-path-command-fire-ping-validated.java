// hardgen-expect: java/relative-path-command, java/command-line-injection, java/untrusted-data-to-external-api
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

@WebServlet("/check-host")
public class CheckHostServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String host = request.getParameter("host");
        if (host == null || !host.matches("[A-Za-z0-9.-]+")) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        Process process = new ProcessBuilder("ping", "-c", "1", host).start();
        try {
            response.getWriter().println(process.waitFor() == 0 ? "up" : "down");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
