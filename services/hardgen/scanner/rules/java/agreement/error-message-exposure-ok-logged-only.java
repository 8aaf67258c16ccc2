// hardgen-expect: none
// hardgen-near-miss: java/error-message-exposure
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.logging.Logger;

@WebServlet("/orders/export")
public class ExportOrdersServlet extends HttpServlet {
    private static final Logger LOG = Logger.getLogger(ExportOrdersServlet.class.getName());

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        try {
            Files.copy(Paths.get("/srv/exports/orders.csv"), response.getOutputStream());
        } catch (IOException e) {
            LOG.severe("export failed: " + e.getMessage());
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "Export failed");
        }
    }
}
