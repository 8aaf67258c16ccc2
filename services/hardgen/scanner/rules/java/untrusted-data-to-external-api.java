import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.Gson;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.File;
import java.io.FileInputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.json.JSONObject;

public class ExternalApiTest extends HttpServlet {

    private static final Set<String> ALLOWED = Set.of("a", "b");
    private final Gson gson = new Gson();
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, String> users = new HashMap<>();

    private static class Account {
        Account(String name) {}
    }

    static class UserRepository {
        String findEmail(String user) { return user + "@example.com"; }
    }

    private final UserRepository repository = new UserRepository();

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        String body = req.getParameter("json");
        String name = req.getParameter("name");
        PrintWriter out = resp.getWriter();
        // ruleid: java-untrusted-data-to-external-api
        out.println("Hello " + name);
        // ruleid: java-untrusted-data-to-external-api
        int id = Integer.parseInt(req.getParameter("id"));
        // ruleid: java-untrusted-data-to-external-api
        boolean allowed = ALLOWED.contains(name);
        // ruleid: java-untrusted-data-to-external-api
        String stored = users.get(name);
        Connection conn = null;
        PreparedStatement ps = conn.prepareStatement("SELECT * FROM t WHERE name = ?");
        // ruleid: java-untrusted-data-to-external-api
        ps.setString(1, name);
        Path file = Paths.get("/srv/data").resolve(name);
        // ruleid: java-untrusted-data-to-external-api
        byte[] data = Files.readAllBytes(file);
        // ruleid: java-untrusted-data-to-external-api
        FileInputStream in = new FileInputStream(new File("/srv", name));
        // ruleid: java-untrusted-data-to-external-api
        resp.addCookie(new Cookie("last", name));
        // ruleid: java-untrusted-data-to-external-api
        log("login attempt for " + name);
        // ruleid: java-untrusted-data-to-external-api
        Files.write(Paths.get("/srv/notes", name), data);

        // Calls with a taint-step model (summaries) are not external-API sinks.
        // ok: java-untrusted-data-to-external-api
        Map<?, ?> a = gson.fromJson(body, Map.class);
        // ok: java-untrusted-data-to-external-api
        Map<?, ?> b = mapper.readValue(body, Map.class);
        // ok: java-untrusted-data-to-external-api
        JSONObject c = new JSONObject(body);
        // ok: java-untrusted-data-to-external-api
        String greeting = String.format("Hi %s", body);
        // ok: java-untrusted-data-to-external-api
        StringBuilder sb = new StringBuilder(body);
        // ok: java-untrusted-data-to-external-api
        out.write(body);
        // DefaultSafeExternalApiMethod: equals, length, ...
        // ok: java-untrusted-data-to-external-api
        boolean same = "admin".equals(body);
        // ok: java-untrusted-data-to-external-api
        boolean same2 = body.equalsIgnoreCase("admin");
        // Methods and classes declared in this file are not external.
        // ok: java-untrusted-data-to-external-api
        audit(body);
        // ok: java-untrusted-data-to-external-api
        Account acct = new Account(body);
        // ok: java-untrusted-data-to-external-api
        String email = repository.findEmail(body);
        // A literal is not request data.
        // ok: java-untrusted-data-to-external-api
        out.println("done");
    }

    private void audit(String value) {}

    private boolean isSubscribed(Connection conn, String email) throws Exception {
        // ruleid: java-untrusted-data-to-external-api
        return conn.createStatement().executeQuery("SELECT 1 FROM subs WHERE email = '" + email + "'").next();
    }

    private void writeError(HttpServletResponse resp, String message) throws Exception {
        // ok: java-untrusted-data-to-external-api
        resp.getWriter().println(message);
    }
}
