// hardgen-expect: none
// hardgen-near-miss: java/user-controlled-bypass
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

@WebServlet("/reports/admin")
public class AdminReportServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (request.getUserPrincipal() != null && request.isUserInRole("admin")) {
            authorizeReportAccess(request);
            response.getWriter().println("report ready");
            return;
        }
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }

    private void authorizeReportAccess(HttpServletRequest request) {
        request.getSession(true).setAttribute("reports", Boolean.TRUE);
    }
}
