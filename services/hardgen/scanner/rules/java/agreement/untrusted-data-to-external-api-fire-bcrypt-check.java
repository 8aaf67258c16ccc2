// hardgen-expect: java/untrusted-data-to-external-api
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import org.mindrot.jbcrypt.BCrypt;

@WebServlet("/api/verify-pin")
public class VerifyPinServlet extends HttpServlet {
    private static final String PIN_HASH = System.getenv("PIN_HASH");

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String pin = request.getParameter("pin");
        if (pin == null || pin.length() != 6) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        boolean ok = BCrypt.checkpw(pin, PIN_HASH);
        response.setContentType("application/json");
        response.getWriter().write(ok ? "{\"valid\": true}" : "{\"valid\": false}");
    }
}
