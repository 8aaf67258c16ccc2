// hardgen-expect: java/path-injection, java/untrusted-data-to-external-api
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

@WebServlet("/docs")
public class DocServlet extends HttpServlet {
    private static final Path DOCS = Paths.get("/srv/docs");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String page = request.getParameter("page");
        if (page == null || !page.matches("[a-z0-9_-]+\\.md")) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Invalid page");
            return;
        }
        String markdown = Files.readString(DOCS.resolve(page));
        response.setContentType("text/markdown;charset=UTF-8");
        response.getWriter().write(markdown);
    }
}
