import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.sql.ResultSet;

public class TrustBoundaryTest extends HttpServlet {

    private final UserDao userDao = new UserDao();

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
        String user = req.getParameter("user");
        HttpSession session = req.getSession();
        // ruleid: java-trust-boundary-violation
        session.setAttribute("username", user);
        // ruleid: java-trust-boundary-violation
        req.getSession(true).setAttribute("lang", req.getHeader("Accept-Language"));
        // ok: java-trust-boundary-violation
        session.setAttribute("loggedIn", Boolean.TRUE);
    }

    protected void doPost(HttpServletRequest req, HttpServletResponse resp, ResultSet rs) throws Exception {
        String user = req.getParameter("user");
        if (!user.matches("[a-z]{3,16}")) {
            return;
        }
        // ok: java-trust-boundary-violation
        req.getSession().setAttribute("username", user);
        // ok: java-trust-boundary-violation
        req.getSession().setAttribute("userId", rs.getLong("id"));
        Object account = findAccount(req.getParameter("name"));
        // ok: java-trust-boundary-violation
        req.getSession().setAttribute("account", account);
        // ruleid: java-trust-boundary-violation
        req.getSession().setAttribute("name", req.getParameter("name").trim());
        // ok: java-trust-boundary-violation
        req.getSession().setAttribute("user", userDao.findByName(req.getParameter("name")));
    }

    private Object findAccount(String name) {
        return null;
    }
}

class UserDao {
    Object findByName(String name) {
        return null;
    }
}
