// hardgen-expect: none
// hardgen-near-miss: java/untrusted-data-to-external-api
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;

@WebServlet("/status")
public class StatusServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String accept = request.getHeader("Accept");
        boolean wantsJson = accept != null && accept.equalsIgnoreCase("application/json");
        String lang = Optional.ofNullable(request.getParameter("lang")).orElse("en");
        boolean german = lang.equals("de");
        if (wantsJson) {
            response.setContentType("application/json");
            response.getWriter().println(german ? "{\"status\":\"bereit\"}" : "{\"status\":\"ready\"}");
        } else {
            response.setContentType("text/plain");
            response.getWriter().println(german ? "bereit" : "ready");
        }
    }
}
