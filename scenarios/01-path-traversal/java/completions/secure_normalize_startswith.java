import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

@WebServlet("/img")
public class ImageServlet extends HttpServlet {

    private static final String IMAGE_FOLDER = "images";

    // url to return images from the folder "images", file name in GET variable "file"
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String fileName = req.getParameter("file");
        if (fileName == null || fileName.isEmpty()) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "Missing file parameter");
            return;
        }
        Path baseDir = Paths.get(IMAGE_FOLDER).toAbsolutePath().normalize();
        Path target = baseDir.resolve(fileName).normalize();
        if (!target.startsWith(baseDir)) {
            resp.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        if (!Files.isRegularFile(target)) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String mime = getServletContext().getMimeType(target.getFileName().toString());
        resp.setContentType(mime != null ? mime : "application/octet-stream");
        Files.copy(target, resp.getOutputStream());
    }
}
