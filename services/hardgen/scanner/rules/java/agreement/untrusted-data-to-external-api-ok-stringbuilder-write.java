// hardgen-expect: java/xss
// hardgen-near-miss: java/untrusted-data-to-external-api
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

@WebServlet("/welcome")
public class WelcomeServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String visitor = request.getParameter("visitor");
        StringBuilder html = new StringBuilder();
        html.append("<html><body><h2>Welcome ");
        html.append(visitor);
        html.append("</h2></body></html>");
        response.setContentType("text/html");
        response.getWriter().write(html.toString());
    }
}
