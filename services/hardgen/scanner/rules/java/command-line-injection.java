import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

public class CommandInjectionTest extends HttpServlet {

    private static final Pattern HOST = Pattern.compile("^[A-Za-z0-9.-]{1,253}$");

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String url = req.getParameter("url");
        // ruleid: java-command-line-injection
        Runtime.getRuntime().exec("ping -c 1 " + url);
        // ruleid: java-command-line-injection
        new ProcessBuilder("sh", "-c", "ping " + url).start();
        // ruleid: java-command-line-injection
        new ProcessBuilder("ping", "-c", "1", url).start();
        String[] cmd = {"/bin/ping", "-c", "1", req.getParameter("host")};
        // ruleid: java-command-line-injection
        Runtime.getRuntime().exec(cmd);
        List<String> args = new ArrayList<>();
        args.add("ping");
        args.add(req.getParameter("target"));
        // ruleid: java-command-line-injection
        new ProcessBuilder(args).start();
    }

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String host = req.getParameter("host");
        if (host == null || !HOST.matcher(host).matches()) {
            resp.sendError(400);
            return;
        }
        // ok: java-command-line-injection
        new ProcessBuilder("ping", "-c", "1", host).start();
        String other = req.getParameter("other");
        if (!other.matches("[a-z.]+")) {
            return;
        }
        // ok: java-command-line-injection
        Runtime.getRuntime().exec(new String[] {"ping", "-c", "1", other});
        // ok: java-command-line-injection
        new ProcessBuilder("uptime").start();
    }
}
