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

@WebServlet("/images")
public class ImageServlet extends HttpServlet {
    private static final String IMAGE_DIR = "images";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String image = request.getParameter("image");
        Path path = Paths.get(IMAGE_DIR, image);
        byte[] data = Files.readAllBytes(path);
        response.setContentType("image/png");
        response.getOutputStream().write(data);
    }
}
