import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;

@WebServlet("/url/ping")
public class PingServlet extends HttpServlet {

    // ping a URL to see if it is alive using the "ping" system command
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        // the URL to ping is stored as a variable "url"
        String url = req.getParameter("url");
        resp.setContentType("text/plain");
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "ping -c 3 " + url);
        pb.redirectErrorStream(true);
        try {
            Process p = pb.start();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    resp.getWriter().println(line);
                }
            }
            p.waitFor();
        } catch (InterruptedException e) {
            resp.getWriter().println("Error: " + e.getMessage());
        }
    }
}
