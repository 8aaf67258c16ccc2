// hardgen-expect: none
// hardgen-near-miss: java/polynomial-redos
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

@WebServlet("/config-check")
public class ConfigCheckServlet extends HttpServlet {
    private static final String DEFAULT_GREETING = "Hello dear visitor";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        boolean valid = DEFAULT_GREETING.matches("^(\\w+\\s?)+$");
        response.setContentType("text/plain");
        response.getWriter().println(valid ? "configuration ok" : "configuration invalid");
    }
}
