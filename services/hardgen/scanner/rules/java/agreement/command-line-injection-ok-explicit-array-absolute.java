// hardgen-expect: java/untrusted-data-to-external-api
// hardgen-near-miss: java/command-line-injection, java/relative-path-command
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

@WebServlet("/reachable")
public class ReachableServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String host = request.getParameter("host");
        Process process = Runtime.getRuntime().exec(new String[] {"/usr/bin/ping", "-c", "1", "-W", "2", host});
        try {
            response.getWriter().println(process.waitFor() == 0 ? "reachable" : "unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
