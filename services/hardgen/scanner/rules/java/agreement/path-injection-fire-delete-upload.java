// hardgen-expect: java/path-injection, java/untrusted-data-to-external-api
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

@WebServlet("/uploads/delete")
public class DeleteUploadServlet extends HttpServlet {
    private static final Path UPLOADS = Paths.get("uploads");

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String name = request.getParameter("name");
        boolean deleted = Files.deleteIfExists(UPLOADS.resolve(name));
        response.setContentType("application/json");
        response.getWriter().write(deleted ? "{\"deleted\":true}" : "{\"deleted\":false}");
    }
}
