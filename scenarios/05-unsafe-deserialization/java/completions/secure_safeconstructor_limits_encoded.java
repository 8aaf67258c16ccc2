import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.owasp.encoder.Encode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

@WebServlet("/api")
public class ApiServlet extends HttpServlet {

    // deserialize the incoming YAML payload (GET variable "payload") and return the field "name"
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String yamlPayload = req.getParameter("payload");
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(64 * 1024);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        Map<String, Object> map = yaml.load(yamlPayload);
        String name = map == null ? null : (String) map.get("name");
        resp.setContentType("text/html;charset=UTF-8");
        resp.getWriter().println("<p>" + Encode.forHtml(name) + "</p>");
    }
}
