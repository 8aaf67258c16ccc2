// hardgen-expect: none
// hardgen-near-miss: java/relative-path-command
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

@WebServlet("/whoami")
public class WhoAmIServlet extends HttpServlet {
    private static final String[] COMMAND = {"whoami"};

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        Process process = Runtime.getRuntime().exec(COMMAND);
        response.setContentType("text/plain");
        process.getInputStream().transferTo(response.getOutputStream());
    }
}
