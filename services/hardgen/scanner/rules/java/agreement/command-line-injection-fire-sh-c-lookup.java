// hardgen-expect: java/command-line-injection, java/untrusted-data-to-external-api
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

@WebServlet("/dns")
public class DnsLookupServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String domain = request.getParameter("domain");
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", "nslookup " + domain);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        try {
            int exit = process.waitFor();
            response.getWriter().println(exit == 0 ? "resolved" : "not found");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        }
    }
}
