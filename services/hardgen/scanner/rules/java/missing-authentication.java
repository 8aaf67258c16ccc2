import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

@WebServlet("/settings")
public class MissingAuthenticationTest extends HttpServlet {

    private boolean ensureLoggedIn(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        HttpSession session = req.getSession(false);
        if (session == null || session.getAttribute("username") == null) {
            resp.sendRedirect("/login");
            return false;
        }
        return true;
    }

    // ruleid: java-hardgen-missing-authentication
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        resp.getWriter().println("<h1>Secret settings</h1>");
    }

    // ok: java-hardgen-missing-authentication
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        if (!ensureLoggedIn(req, resp)) {
            return;
        }
        resp.getWriter().println("saved");
    }

    // ok: java-hardgen-missing-authentication
    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        if (ensureLoggedIn(req, resp)) {
            resp.getWriter().println("updated");
        }
    }

    // ok: java-hardgen-missing-authentication
    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        HttpSession session = req.getSession(false);
        if (session == null || session.getAttribute("username") == null) {
            resp.sendError(401);
            return;
        }
        resp.getWriter().println("deleted");
    }

    // ok: java-hardgen-missing-authentication
    protected void doPatch(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        if (req.getSession().getAttribute("username") == null) {
            resp.sendRedirect("/login");
            return;
        }
        resp.getWriter().println("patched");
    }

    // ruleid: java-hardgen-missing-authentication
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        HttpSession session = req.getSession();
        Object user = session.getAttribute("username");
        resp.getWriter().println("settings of " + user);
    }
}

class WithoutHelperServlet extends HttpServlet {
    // ok: java-hardgen-missing-authentication
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        resp.getWriter().println("public page");
    }
}
