// hardgen-expect: java/command-line-injection, java/untrusted-data-to-external-api
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

@WebServlet("/admin/backup")
public class BackupServlet extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String folder = request.getParameter("folder");
        String[] command = {"bash", "-c", "tar -czf /var/backups/site.tgz " + folder};
        Process process = Runtime.getRuntime().exec(command);
        try {
            int code = process.waitFor();
            response.getWriter().println(code == 0 ? "Backup created" : "Backup failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        }
    }
}
