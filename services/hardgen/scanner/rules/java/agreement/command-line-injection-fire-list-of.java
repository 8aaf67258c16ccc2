// hardgen-expect: java/command-line-injection, java/untrusted-data-to-external-api
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

@WebServlet("/whois")
public class WhoisServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String domain = request.getParameter("domain").trim();
        List<String> command = List.of("/usr/bin/whois", domain);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        response.setContentType("text/plain");
        process.getInputStream().transferTo(response.getOutputStream());
    }
}
