import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.apache.commons.lang3.StringUtils;
import org.json.JSONObject;
import org.owasp.encoder.Encode;

public class ExternalApiTest extends HttpServlet {

    private final Gson gson = new Gson();
    private final ObjectMapper mapper = new ObjectMapper();

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        String body = req.getParameter("json");
        // ruleid: java-untrusted-data-to-external-api
        Map<?, ?> a = gson.fromJson(body, Map.class);
        // ruleid: java-untrusted-data-to-external-api
        Map<?, ?> b = mapper.readValue(req.getReader(), Map.class);
        // ruleid: java-untrusted-data-to-external-api
        JSONObject c = new JSONObject(body);
        // ok: java-untrusted-data-to-external-api
        boolean d = StringUtils.isBlank(req.getParameter("name"));
        // ruleid: java-untrusted-data-to-external-api
        JsonObject g = JsonParser.parseString(req.getParameter("doc")).getAsJsonObject();
        // ok: java-untrusted-data-to-external-api
        String e = Encode.forHtml(body);
        // ok: java-untrusted-data-to-external-api
        String f = gson.toJson(Map.of("status", "ok"));
    }
}
