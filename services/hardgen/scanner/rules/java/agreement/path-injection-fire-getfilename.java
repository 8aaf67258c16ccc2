// hardgen-expect: java/path-injection, java/untrusted-data-to-external-api
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

@WebServlet("/attachments")
public class AttachmentServlet extends HttpServlet {
    private static final File ATTACHMENTS = new File("/srv/attachments");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String requested = request.getParameter("name");
        String fileName = Paths.get(requested).getFileName().toString();
        File file = new File(ATTACHMENTS, fileName);
        if (!file.isFile()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("application/pdf");
        Files.copy(file.toPath(), response.getOutputStream());
    }
}
