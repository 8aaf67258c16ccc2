// hardgen-expect: java/error-message-exposure
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

@WebServlet("/cache/clear")
public class ClearCacheServlet extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        PrintWriter out = response.getWriter();
        try {
            clearCache();
            out.write("cache cleared");
        } catch (IllegalStateException ex) {
            String message = ex.getMessage();
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            out.write(message);
        }
    }

    private void clearCache() {
        throw new IllegalStateException("cache locked by worker 7 at /var/cache/app.lock");
    }
}
