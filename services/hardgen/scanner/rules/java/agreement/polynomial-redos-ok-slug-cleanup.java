// hardgen-expect: none
// hardgen-near-miss: java/polynomial-redos
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

@WebServlet("/slugs")
public class SlugServlet extends HttpServlet {
    private final List<String> slugs = new CopyOnWriteArrayList<>();

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String title = request.getParameter("title");
        if (title == null) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        String slug = title.strip().toLowerCase().replaceAll("[^a-z0-9-]", "");
        slugs.add(slug);
        response.setStatus(HttpServletResponse.SC_CREATED);
    }
}
