// hardgen-expect: none
// hardgen-near-miss: java/relative-path-command
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

@WebServlet("/shell-check")
public class ShellCheckServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        Process process = Runtime.getRuntime().exec("echo ready");
        try {
            response.getWriter().println(process.waitFor() == 0 ? "shell available" : "no shell");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
