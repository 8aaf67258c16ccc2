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
        // ruleid: java-command-line-injection
        Runtime.getRuntime().exec(new String[] {"/bin/sh", "-c", "nslookup " + url});
        // ruleid: java-command-line-injection
        new ProcessBuilder(List.of("ping", "-c", "1", url)).start();
    }

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String host = req.getParameter("host");
        if (host == null || !HOST.matcher(host).matches()) {
            resp.sendError(400);
            return;
        }
        // CodeQL has no regex barrier for this query: a validated value still reaches the command.
        // ruleid: java-command-line-injection
        new ProcessBuilder("ping", "-c", "1", host).start();
        // An explicit array whose first element is not a shell: later elements are arguments only.
        // ok: java-command-line-injection
        Runtime.getRuntime().exec(new String[] {"ping", "-c", "1", req.getParameter("other")});
        String[] cmd = {"/bin/ping", "-c", "1", req.getParameter("target")};
        // ok: java-command-line-injection
        Runtime.getRuntime().exec(cmd);
        List<String> args = new ArrayList<>();
        args.add("/usr/bin/nslookup");
        args.add(req.getParameter("name"));
        // ok: java-command-line-injection
        new ProcessBuilder(args).start();
        // ok: java-command-line-injection
        new ProcessBuilder("uptime").start();
    }
}
