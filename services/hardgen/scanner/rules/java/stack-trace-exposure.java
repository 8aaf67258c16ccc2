import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;

public class StackTraceTest extends HttpServlet {

    private static final Logger LOG = Logger.getLogger("x");

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            work();
        } catch (Exception e) {
            // ruleid: java-stack-trace-exposure
            e.printStackTrace(resp.getWriter());
        }
        try {
            work();
        } catch (IllegalStateException ex) {
            PrintWriter out = resp.getWriter();
            // ruleid: java-stack-trace-exposure
            ex.printStackTrace(out);
        }
        try {
            work();
        } catch (RuntimeException ex) {
            // getStackTrace() is not part of CodeQL's query
            // ok: java-stack-trace-exposure
            resp.getWriter().println(Arrays.toString(ex.getStackTrace()));
        }
        try {
            work();
        } catch (RuntimeException ex) {
            StringWriter sw = new StringWriter();
            ex.printStackTrace(new PrintWriter(sw));
            // ruleid: java-stack-trace-exposure
            resp.getWriter().println("<pre>" + sw.toString() + "</pre>");
        }
        try {
            work();
        } catch (RuntimeException ex) {
            StringWriter sw = new StringWriter();
            PrintWriter pw = new PrintWriter(sw);
            ex.printStackTrace(pw);
            String trace = sw.toString();
            // ruleid: java-stack-trace-exposure
            resp.sendError(500, trace);
        }
        try {
            work();
        } catch (RuntimeException ex) {
            StringWriter sw = new StringWriter();
            ex.printStackTrace(new PrintWriter(sw));
            // ok: java-stack-trace-exposure
            LOG.severe(sw.toString());
        }
    }

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            work();
        } catch (Exception e) {
            // ok: java-stack-trace-exposure
            e.printStackTrace();
            // ok: java-stack-trace-exposure
            LOG.log(Level.SEVERE, "failed", e);
            // ok: java-stack-trace-exposure
            resp.sendError(500, "Internal error");
        }
    }

    private void work() {
    }
}
