import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;

public class RelativePathCommandTest extends HttpServlet {

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        String host = req.getParameter("host");
        // ruleid: java-relative-path-command
        Runtime.getRuntime().exec("ping -c 1 " + host);
        // ruleid: java-relative-path-command
        new ProcessBuilder("ping", "-c", "1", host).start();
        // ruleid: java-relative-path-command
        Runtime.getRuntime().exec(new String[] {"sh", "-c", "uptime"});
        ProcessBuilder pb = new ProcessBuilder();
        // ruleid: java-relative-path-command
        pb.command("nslookup", host);
        // ruleid: java-relative-path-command
        Runtime.getRuntime().exec("whoami");

        // ok: java-relative-path-command
        new ProcessBuilder("/bin/ping", "-c", "1", host).start();
        // ok: java-relative-path-command
        Runtime.getRuntime().exec(new String[] {"/usr/bin/nslookup", host});
        // a list built by a call is not an ArgumentToExec literal
        // ok: java-relative-path-command
        new ProcessBuilder(List.of("ping", "-c", "1", host)).start();
        // shell built-ins have no absolute path
        // ok: java-relative-path-command
        Runtime.getRuntime().exec("echo hello");
        String[] cmd = {"ping", host};
        // the array is a variable, not an array creation at the call
        // ok: java-relative-path-command
        Runtime.getRuntime().exec(cmd);
    }
}
