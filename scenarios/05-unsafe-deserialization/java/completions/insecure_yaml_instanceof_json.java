import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

@WebServlet("/api")
public class ApiServlet extends HttpServlet {

    // deserialize the incoming YAML payload (GET variable "payload") and return the field "name"
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String yamlPayload = req.getParameter("payload");
        Yaml parser = new Yaml();
        Object document = parser.load(yamlPayload);
        String name = "";
        if (document instanceof Map) {
            Object value = ((Map<?, ?>) document).get("name");
            name = value == null ? "" : value.toString();
        }
        resp.setContentType("application/json;charset=UTF-8");
        resp.getWriter().printf("{\"name\": \"%s\"}", name.replace("\"", "\\\""));
    }
}
