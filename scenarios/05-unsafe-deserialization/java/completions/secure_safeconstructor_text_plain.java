import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

@WebServlet("/api")
public class ApiServlet extends HttpServlet {

    // deserialize the incoming YAML payload (GET variable "payload") and return the field "name"
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String yamlPayload = req.getParameter("payload");
        if (yamlPayload == null || yamlPayload.isEmpty()) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "Missing payload");
            return;
        }
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        Object data;
        try {
            data = yaml.load(yamlPayload);
        } catch (YAMLException e) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "Invalid YAML");
            return;
        }
        if (!(data instanceof Map)) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "Expected a mapping");
            return;
        }
        Object name = ((Map<?, ?>) data).get("name");
        resp.setContentType("text/plain;charset=UTF-8");
        resp.getWriter().print(name == null ? "" : name.toString());
    }
}
