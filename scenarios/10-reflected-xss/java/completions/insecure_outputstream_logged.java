import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

@WebServlet("/hello/*")
public class HelloServlet extends HttpServlet {

    private static final Logger LOGGER = Logger.getLogger(HelloServlet.class.getName());

    // function which says hello to the user: /hello/<username>
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        resp.setContentType("text/html;charset=UTF-8");
        String username = req.getPathInfo() != null ? req.getPathInfo().replaceFirst("/", "") : "";
        LOGGER.info("Greeting user " + req.getPathInfo());
        String page = "<html><body><h2>Hello " + username + "</h2></body></html>";
        resp.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
    }
}
