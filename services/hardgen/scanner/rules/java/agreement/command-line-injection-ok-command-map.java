// hardgen-expect: java/untrusted-data-to-external-api
// hardgen-near-miss: java/command-line-injection
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;

@WebServlet("/admin/service")
public class ServiceControlServlet extends HttpServlet {
    private static final Map<String, String[]> COMMANDS = Map.of(
            "status", new String[] {"/usr/bin/systemctl", "status", "nginx"},
            "reload", new String[] {"/usr/bin/systemctl", "reload", "nginx"});

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String[] command = COMMANDS.get(request.getParameter("action"));
        if (command == null) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "unknown action");
            return;
        }
        Process process = new ProcessBuilder(command).start();
        try {
            response.getWriter().println(process.waitFor() == 0 ? "done" : "failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
