// hardgen-expect: java/untrusted-data-to-external-api
// hardgen-near-miss: java/path-injection
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

@WebServlet("/templates")
public class TemplateServlet extends HttpServlet {
    private static final Map<String, String> TEMPLATES = Map.of(
            "invoice", "/srv/templates/invoice.html",
            "receipt", "/srv/templates/receipt.html");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String template = TEMPLATES.get(request.getParameter("type"));
        if (template == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(Files.readString(Paths.get(template)));
    }
}
