// hardgen-expect: java/untrusted-data-to-external-api
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Set;

@WebServlet("/preferences/theme")
public class ThemeServlet extends HttpServlet {
    private static final Set<String> ALLOWED_THEMES = Set.of("light", "dark", "solarized");

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String theme = request.getParameter("theme");
        if (theme == null || !ALLOWED_THEMES.contains(theme)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Unknown theme");
            return;
        }
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
