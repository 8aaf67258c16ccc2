// hardgen-expect: java/user-controlled-bypass
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

@WebServlet("/service-login")
public class ServiceLoginServlet extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String account = request.getParameter("account");
        if (account != null && account.endsWith("-svc")) {
            request.login("service", System.getenv("SERVICE_PASSWORD"));
        }
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
