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

@WebServlet("/api")
public class ApiServlet extends HttpServlet {

    // deserialize the incoming YAML payload (GET variable "payload") and return the field "name"
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String yamlPayload = req.getParameter("payload");
        SafeConstructor constructor = new SafeConstructor(new LoaderOptions());
        Yaml yaml = new Yaml(constructor);
        try {
            Map<?, ?> document = yaml.loadAs(yamlPayload, Map.class);
            Object name = document == null ? null : document.get("name");
            resp.setContentType("text/plain;charset=UTF-8");
            resp.getWriter().write(name != null ? name.toString() : "");
        } catch (RuntimeException e) {
            log("invalid YAML payload", e);
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "invalid payload");
        }
    }
}
