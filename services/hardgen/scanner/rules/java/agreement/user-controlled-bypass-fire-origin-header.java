// hardgen-expect: java/user-controlled-bypass
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

@WebServlet("/partner")
public class PartnerServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        if (origin != null && origin.endsWith(".partner.example.org")) {
            performPartnerLogin(request);
        }
        response.sendRedirect("/partner/home");
    }

    private void performPartnerLogin(HttpServletRequest request) {
        request.getSession(true).setAttribute("partner", Boolean.TRUE);
    }
}
