import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

public class UrlForwardTest extends HttpServlet {

    private static final Set<String> PAGES = Set.of("home.jsp", "about.jsp");

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String page = req.getParameter("page");
        // ruleid: java-unvalidated-url-forward
        req.getRequestDispatcher("/WEB-INF/views/" + page).forward(req, resp);
        // ruleid: java-unvalidated-url-forward
        InputStream in = getServletContext().getResourceAsStream("/images/" + req.getParameter("file"));
        // ok: java-unvalidated-url-forward
        req.getRequestDispatcher("/WEB-INF/views/home.jsp").forward(req, resp);
    }

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String page = req.getParameter("page");
        if (!PAGES.contains(page)) {
            resp.sendError(404);
            return;
        }
        // ok: java-unvalidated-url-forward
        req.getRequestDispatcher("/WEB-INF/views/" + page).forward(req, resp);
        String file = req.getParameter("file");
        if (file == null || !file.matches("[a-z0-9_-]+\\.png")) {
            return;
        }
        // ok: java-unvalidated-url-forward
        InputStream in = getServletContext().getResourceAsStream("/images/" + file);
    }
}
