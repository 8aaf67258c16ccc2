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
        String name = req.getParameter("file");
        if (name == null) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        File folder = new File(IMAGE_FOLDER);
        File image = new File(folder, name);
        if (!image.getCanonicalPath().startsWith(folder.getCanonicalPath() + File.separator)) {
            resp.sendError(HttpServletResponse.SC_FORBIDDEN, "Access denied");
            return;
        }
        if (!image.isFile()) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        resp.setContentType(getServletContext().getMimeType(image.getName()));
        Files.copy(image.toPath(), resp.getOutputStream());
    }
}
