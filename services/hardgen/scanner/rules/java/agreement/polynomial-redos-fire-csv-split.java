// hardgen-expect: java/polynomial-redos
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

@WebServlet("/tags")
public class TagServlet extends HttpServlet {
    private final List<String> tags = new CopyOnWriteArrayList<>();

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String raw = request.getParameter("tags");
        if (raw == null) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        for (String tag : raw.split("\\s*,\\s*")) {
            tags.add(tag);
        }
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
