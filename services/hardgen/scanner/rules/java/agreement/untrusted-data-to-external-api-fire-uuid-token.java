// hardgen-expect: java/untrusted-data-to-external-api
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

@WebServlet("/confirm")
public class ConfirmEmailServlet extends HttpServlet {
    private final Set<UUID> pendingTokens = ConcurrentHashMap.newKeySet();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        UUID token;
        try {
            token = UUID.fromString(request.getParameter("token"));
        } catch (IllegalArgumentException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Malformed token");
            return;
        }
        if (!pendingTokens.remove(token)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "Unknown or expired token");
            return;
        }
        response.setContentType("text/html");
        response.getWriter().println("<p>Your e-mail address is confirmed.</p>");
    }
}
