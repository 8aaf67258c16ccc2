// hardgen-expect: java/user-controlled-bypass
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

@WebServlet("/internal/metrics")
public class InternalMetricsServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String host = request.getHeader("Host");
        if (host != null && host.endsWith(".internal.example.com")) {
            authorizeInternalCaller(request);
        }
        response.setContentType("text/plain");
        response.getWriter().println("requests_total 42");
    }

    private void authorizeInternalCaller(HttpServletRequest request) {
        request.getSession(true).setAttribute("role", "internal");
    }
}
