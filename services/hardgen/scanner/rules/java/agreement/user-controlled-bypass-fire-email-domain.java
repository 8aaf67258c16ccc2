// hardgen-expect: java/user-controlled-bypass
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

@WebServlet("/sso")
public class EmployeeSsoServlet extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String email = request.getParameter("email");
        if (email != null && email.endsWith("@example.com")) {
            loginEmployee(request);
        }
        response.sendRedirect("/dashboard");
    }

    private void loginEmployee(HttpServletRequest request) {
        request.getSession(true).setAttribute("employee", Boolean.TRUE);
    }
}
