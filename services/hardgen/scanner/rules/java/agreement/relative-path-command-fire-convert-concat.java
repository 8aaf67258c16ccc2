// hardgen-expect: java/relative-path-command
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

@WebServlet("/thumbnails/rebuild")
public class ThumbnailServlet extends HttpServlet {
    private static final String SOURCE = "/srv/media/banner.png";
    private static final String TARGET = "/srv/media/banner-small.png";

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        Process process = Runtime.getRuntime().exec("convert " + SOURCE + " -resize 200x200 " + TARGET);
        try {
            response.getWriter().println(process.waitFor() == 0 ? "rebuilt" : "failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
