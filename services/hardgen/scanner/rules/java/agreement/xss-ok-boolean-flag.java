// hardgen-expect: none
// hardgen-near-miss: java/xss, java/untrusted-data-to-external-api
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

@WebServlet("/newsletter")
public class NewsletterServlet extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        boolean subscribed = Boolean.parseBoolean(request.getParameter("subscribed"));
        response.setContentType("text/html");
        response.getWriter().println("<p>Subscribed: " + subscribed + "</p>");
    }
}
