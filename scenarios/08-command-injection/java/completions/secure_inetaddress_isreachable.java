import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.UnknownHostException;

@WebServlet("/url/ping")
public class PingServlet extends HttpServlet {

    // ping a URL to see if it is alive using the "ping" system command
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        // the URL to ping is stored as a variable "url"
        String url = req.getParameter("url");
        try {
            String host = url.contains("://") ? new URL(url).getHost() : url;
            InetAddress address = InetAddress.getByName(host);
            boolean reachable = address.isReachable(3000);
            resp.setContentType("text/plain");
            resp.getWriter().println(reachable ? "URL is alive" : "URL is not alive");
        } catch (MalformedURLException | UnknownHostException e) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "unknown host");
        }
    }
}
