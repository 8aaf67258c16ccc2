import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

public class SsrfTest extends HttpServlet {

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        String target = req.getParameter("url");
        URL url = new URL(target);
        // ruleid: java-ssrf
        HttpURLConnection conn = (HttpURLConnection) url.openConnection();
        // ruleid: java-ssrf
        InputStream in = new URL(req.getParameter("feed")).openStream();
        // ruleid: java-ssrf
        HttpRequest request = HttpRequest.newBuilder(URI.create(target)).build();
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        String id = req.getParameter("id");
        // ok: java-ssrf
        InputStream in = new URL("https://api.example.com/items/" + id).openStream();
        // ok: java-ssrf
        String host = new URL(req.getParameter("url")).getHost();
        // ok: java-ssrf
        HttpURLConnection conn = (HttpURLConnection) new URL("https://example.com/status").openConnection();
    }
}
