import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import org.owasp.encoder.Encode;

@WebServlet("/hello/*")
public class HelloServlet extends HttpServlet {

    // function which says hello to the user: /hello/<username>
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        resp.setContentType("text/html;charset=UTF-8");
        String pathInfo = req.getPathInfo();
        String username = (pathInfo == null || pathInfo.length() <= 1) ? "stranger" : pathInfo.substring(1);
        PrintWriter out = resp.getWriter();
        out.println("<html><body>");
        out.println("<p>Hello, " + Encode.forHtml(username) + "!</p>");
        out.println("</body></html>");
    }
}
