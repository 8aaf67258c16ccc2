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
        String file = req.getParameter("file");
        if (file == null || file.contains("..") || !file.matches("[A-Za-z0-9_-]{1,64}\\.(png|jpe?g|gif|webp)")) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "Invalid image name");
            return;
        }
        Path image = Paths.get(IMAGE_FOLDER, file);
        if (!Files.exists(image)) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        resp.setContentType(Files.probeContentType(image));
        resp.getOutputStream().write(Files.readAllBytes(image));
    }
}
