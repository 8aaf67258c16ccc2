// hardgen-expect: java/user-controlled-bypass
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

@WebServlet("/admin/enter")
public class AdminEntryServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String referer = request.getHeader("Referer");
        if (referer != null && referer.endsWith("/admin/login")) {
            grantAuthToken(request);
        }
        response.sendRedirect("/admin");
    }

    private void grantAuthToken(HttpServletRequest request) {
        request.getSession(true).setAttribute("admin", Boolean.TRUE);
    }
}
