import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.logging.Level;
import java.util.logging.Logger;

public class LogInjectionTest extends HttpServlet {

    private static final Logger LOGGER = Logger.getLogger(LogInjectionTest.class.getName());
    private static final org.slf4j.Logger SLF = org.slf4j.LoggerFactory.getLogger(LogInjectionTest.class);

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
        String user = req.getParameter("user");
        // ruleid: java-log-injection
        LOGGER.info("Login attempt for " + user);
        // ruleid: java-log-injection
        LOGGER.log(Level.WARNING, "bad header " + req.getHeader("X-Id"));
        // ruleid: java-log-injection
        SLF.info("user {}", user);
        // ruleid: java-log-injection
        log.warn("lombok logger " + user);
        // ok: java-log-injection
        LOGGER.info("Login attempt for " + user.replaceAll("[\r\n]", "_"));
        // ok: java-log-injection
        LOGGER.info("Login attempt");
        int id = Integer.parseInt(req.getParameter("id"));
        // ok: java-log-injection
        LOGGER.fine("id " + id);
    }
}
