import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

@WebServlet("/check_mod")
public class ModeratorServlet extends HttpServlet {

    private static final String MOD_USERNAME = "moderator";
    private static final String MOD_PASSWORD = "Sup3rS3cret!";

    // return true if they are a moderator
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String username = req.getParameter("username");
        String password = req.getParameter("password");
        if (username != null && password != null
                && username.equals(MOD_USERNAME) && password.equals(MOD_PASSWORD)) {
            resp.getWriter().write("true");
        } else {
            resp.getWriter().write("false");
        }
    }
}
