// hardgen-expect: none
// hardgen-near-miss: java/user-controlled-bypass
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

@WebServlet("/admin/login")
public class AdminLoginServlet extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String role = request.getParameter("role");
        if ("admin".equals(role)) {
            authenticateAdmin(request);
        }
        response.sendRedirect("/admin");
    }

    private void authenticateAdmin(HttpServletRequest request) {
        request.getSession(true).setAttribute("admin", Boolean.TRUE);
    }
}
