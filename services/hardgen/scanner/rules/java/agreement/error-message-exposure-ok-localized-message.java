// hardgen-expect: none
// hardgen-near-miss: java/error-message-exposure
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Paths;

@WebServlet("/archive")
public class ArchiveServlet extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        try {
            Files.move(Paths.get("/srv/current.log"), Paths.get("/srv/archive/current.log"));
            response.getWriter().println("archived");
        } catch (IOException e) {
            response.getWriter().println("Archive failed: " + e.getLocalizedMessage());
        }
    }
}
