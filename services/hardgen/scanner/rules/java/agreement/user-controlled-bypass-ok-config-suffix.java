// hardgen-expect: none
// hardgen-near-miss: java/user-controlled-bypass
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

@WebServlet("/bootstrap")
public class BootstrapServlet extends HttpServlet {
    private static final String ADMIN_ACCOUNT = "root@ops.example.com";

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (ADMIN_ACCOUNT.endsWith("@ops.example.com")) {
            authenticateBootstrap(request);
        }
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    private void authenticateBootstrap(HttpServletRequest request) {
        request.getSession(true).setAttribute("bootstrap", Boolean.TRUE);
    }
}
