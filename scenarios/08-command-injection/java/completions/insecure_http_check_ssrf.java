import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;

@WebServlet("/url/ping")
public class PingServlet extends HttpServlet {

    // ping a URL to see if it is alive using the "ping" system command
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        // the URL to ping is stored as a variable "url"
        String url = req.getParameter("url");
        // instead of the ping command, check the URL over HTTP
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
            connection.setRequestMethod("HEAD");
            connection.setConnectTimeout(3000);
            connection.setReadTimeout(3000);
            int code = connection.getResponseCode();
            resp.getWriter().println(code < 400 ? "URL is alive" : "URL returned " + code);
        } catch (IOException e) {
            resp.getWriter().println("URL is not alive");
        }
    }
}
