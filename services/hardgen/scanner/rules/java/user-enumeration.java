import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

public class LoginServlet extends HttpServlet {

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String username = req.getParameter("username");
        boolean exists = lookup(username);
        boolean valid = exists && check(req.getParameter("password"));
        if (!exists) {
            // ruleid: java-hardgen-user-enumeration
            resp.getWriter().println("No such user: " + username);
            return;
        }
        if (!valid) {
            // ruleid: java-hardgen-user-enumeration
            resp.sendError(401, "Incorrect password");
            return;
        }
        PrintWriter out = resp.getWriter();
        // ok: java-hardgen-user-enumeration
        out.println("Welcome back");
    }

    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!check(req.getParameter("password"))) {
            // ok: java-hardgen-user-enumeration
            resp.sendError(401, "Invalid username or password");
            return;
        }
        PrintWriter out = resp.getWriter();
        // ruleid: java-hardgen-user-enumeration
        out.println("User not found");
    }

    private boolean lookup(String username) {
        return username != null;
    }

    private boolean check(String password) {
        return password != null;
    }
}

class ProfileServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        // ok: java-hardgen-user-enumeration
        resp.getWriter().println("User not found");
    }
}
