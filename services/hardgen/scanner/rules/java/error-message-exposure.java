import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.logging.Logger;

public class ErrorMessageTest extends HttpServlet {

    private static final Logger LOG = Logger.getLogger("x");

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            work();
        } catch (SQLException e) {
            // ruleid: java-error-message-exposure
            resp.getWriter().println("Database error: " + e.getMessage());
        }
        try {
            work();
        } catch (SQLException e) {
            // ruleid: java-error-message-exposure
            resp.sendError(500, "Query failed: " + e.getMessage());
        }
        try {
            work();
        } catch (SQLException e) {
            // only Throwable.getMessage() is a source in CodeQL's query
            // ok: java-error-message-exposure
            resp.sendError(500, e.toString());
        }
        try {
            work();
        } catch (Exception e) {
            PrintWriter out = resp.getWriter();
            String msg = e.getMessage();
            // ruleid: java-error-message-exposure
            out.write(msg);
            // ok: java-error-message-exposure
            out.println("Error: " + e);
        }
    }

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            work();
        } catch (SQLException e) {
            // ok: java-error-message-exposure
            LOG.severe("database error: " + e.getMessage());
            // ok: java-error-message-exposure
            resp.sendError(500, "Something went wrong");
        }
        // ok: java-error-message-exposure
        resp.getWriter().println("done");
    }

    private void work() throws SQLException {
    }
}
