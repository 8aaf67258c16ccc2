// hardgen-expect: none
// hardgen-near-miss: java/user-controlled-bypass
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

@WebServlet("/staff")
public class StaffServlet extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String email = request.getParameter("email");
        if (email != null && email.endsWith("@staff.example.com")) {
            loginStaff(request);
        } else {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        response.sendRedirect("/staff/home");
    }

    private void loginStaff(HttpServletRequest request) {
        request.getSession(true).setAttribute("staff", Boolean.TRUE);
    }
}
