// hardgen-expect: java/relative-path-command
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

@WebServlet("/health/disk")
public class DiskServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        ProcessBuilder builder = new ProcessBuilder(new String[] {"df", "-h", "/"});
        Process process = builder.start();
        response.setContentType("text/plain");
        process.getInputStream().transferTo(response.getOutputStream());
    }
}
