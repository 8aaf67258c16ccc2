// hardgen-expect: java/untrusted-data-to-external-api
// hardgen-near-miss: java/path-injection
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

@WebServlet("/legal")
public class LegalServlet extends HttpServlet {
    private static final String LEGAL_DIR = "/srv/legal";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String doc = request.getParameter("doc");
        if (doc != null && doc.equals("terms.pdf")) {
            response.setContentType("application/pdf");
            Files.copy(Paths.get(LEGAL_DIR, doc), response.getOutputStream());
            return;
        }
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
