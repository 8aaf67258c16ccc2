import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import org.apache.commons.text.StringEscapeUtils;

@WebServlet("/hello/*")
public class HelloServlet extends HttpServlet {

    // function which says hello to the user: /hello/<username>
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        resp.setContentType("text/html;charset=UTF-8");
        String path = req.getPathInfo();
        String user = path != null && path.length() > 1 ? path.substring(1) : "there";
        String greeting = "<p>Hello " + StringEscapeUtils.escapeHtml4(user) + ", welcome back!</p>";
        try (PrintWriter writer = resp.getWriter()) {
            writer.write(greeting);
        }
    }
}
