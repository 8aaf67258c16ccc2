import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
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
        InputStream image = getServletContext().getResourceAsStream("/" + IMAGE_FOLDER + "/" + file);
        if (image == null) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        resp.setContentType(getServletContext().getMimeType(file));
        try (InputStream in = image) {
            in.transferTo(resp.getOutputStream());
        }
    }
}
