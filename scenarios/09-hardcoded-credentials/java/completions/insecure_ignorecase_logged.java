import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;

@WebServlet("/check_mod")
public class ModeratorServlet extends HttpServlet {

    private static final Logger LOGGER = Logger.getLogger(ModeratorServlet.class.getName());

    // return true if they are a moderator
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String username = req.getParameter("username");
        String password = req.getParameter("password");
        LOGGER.info("moderator check for " + username);
        boolean mod = username != null && username.equalsIgnoreCase("moderator")
                && password != null && password.equals("Mod@2024!");
        resp.getWriter().println(Boolean.toString(mod));
    }
}
