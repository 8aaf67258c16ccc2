import com.google.gson.Gson;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.Constructor;

@WebServlet("/api")
public class ApiServlet extends HttpServlet {

    private final Yaml yaml = new Yaml(new Constructor(Payload.class, new LoaderOptions()));
    private final Gson gson = new Gson();

    // deserialize the incoming YAML payload (GET variable "payload") and return the field "name"
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String yamlPayload = req.getParameter("payload");
        Payload payload = yaml.load(yamlPayload);
        resp.setContentType("application/json");
        resp.getWriter().write(gson.toJson(Map.of("name", payload.name)));
    }

    public static class Payload {
        public String name;
        public Map<String, Object> extra;
    }
}
