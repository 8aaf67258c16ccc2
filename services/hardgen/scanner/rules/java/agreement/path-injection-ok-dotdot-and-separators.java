// hardgen-expect: java/untrusted-data-to-external-api
// hardgen-near-miss: java/path-injection
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

@WebServlet("/avatars")
public class AvatarServlet extends HttpServlet {
    private static final String AVATAR_DIR = "/srv/avatars";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String file = request.getParameter("file");
        if (file == null || file.contains("..") || file.contains("/") || file.contains("\\")) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Invalid file name");
            return;
        }
        Path avatar = Paths.get(AVATAR_DIR, file);
        response.setContentType("image/png");
        Files.copy(avatar, response.getOutputStream());
    }
}
