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

@WebServlet("/register")
public class RegisterServlet extends HttpServlet {
    private final List<String> emails = new CopyOnWriteArrayList<>();

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String email = request.getParameter("email");
        if (email == null || !email.matches("^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$")) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Invalid e-mail address");
            return;
        }
        emails.add(email);
        response.setStatus(HttpServletResponse.SC_CREATED);
    }
}
