import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.File;
import java.io.IOException;

public class PartialPathTraversalTest extends HttpServlet {

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        File dir = new File("images");
        File f = new File(dir, req.getParameter("file"));
        // ruleid: java-partial-path-traversal-from-remote
        if (!f.getCanonicalPath().startsWith(dir.getCanonicalPath())) {
            resp.sendError(403);
        }
        String base = dir.getCanonicalPath();
        String requested = new File(dir, req.getParameter("other")).getCanonicalPath();
        // ruleid: java-partial-path-traversal-from-remote
        if (!requested.startsWith(base)) {
            resp.sendError(403);
        }
    }

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        File dir = new File("images");
        File f = new File(dir, req.getParameter("file"));
        // ok: java-partial-path-traversal-from-remote
        if (!f.getCanonicalPath().startsWith(dir.getCanonicalPath() + File.separator)) {
            resp.sendError(403);
        }
        File local = new File(dir, "fixed.png");
        // ok: java-partial-path-traversal-from-remote
        if (!local.getCanonicalPath().startsWith(dir.getCanonicalPath())) {
            resp.sendError(500);
        }
    }
}
