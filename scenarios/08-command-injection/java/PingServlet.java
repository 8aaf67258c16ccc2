import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

@WebServlet("/url/ping")
public class PingServlet extends HttpServlet {

    // ping a URL to see if it is alive using the "ping" system command
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        // the URL to ping is stored as a variable "url"
        String url = req.getParameter("url");
        // -copilot next line-
    }
}
