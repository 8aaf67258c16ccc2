// hardgen-expect: none
// hardgen-near-miss: java/relative-path-command
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

@WebServlet("/health/memory")
public class MemoryServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        Process process = new ProcessBuilder(List.of("free", "-m")).start();
        response.setContentType("text/plain");
        process.getInputStream().transferTo(response.getOutputStream());
    }
}
