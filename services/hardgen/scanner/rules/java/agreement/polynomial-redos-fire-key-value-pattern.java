// hardgen-expect: java/polynomial-redos
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.regex.Pattern;

@WebServlet("/settings/import")
public class SettingsImportServlet extends HttpServlet {
    private static final Pattern SETTINGS = Pattern.compile("^(.*=.*;)*$");

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String settings = request.getParameter("settings");
        if (settings == null || !SETTINGS.matcher(settings).matches()) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Expected key=value; pairs");
            return;
        }
        response.setStatus(HttpServletResponse.SC_ACCEPTED);
    }
}
