import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.beans.XMLDecoder;
import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.util.Base64;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.Constructor;
import org.yaml.snakeyaml.constructor.SafeConstructor;

public class UnsafeDeserializationTest extends HttpServlet {

    private final Yaml fieldYaml = new Yaml();

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        String payload = req.getParameter("payload");
        Yaml yaml = new Yaml();
        // ruleid: java-unsafe-deserialization
        Map<String, Object> a = yaml.load(payload);
        // ruleid: java-unsafe-deserialization
        Object b = new Yaml().loadAs(payload, Map.class);
        // ruleid: java-unsafe-deserialization
        Object c = fieldYaml.load(req.getReader());
        // ruleid: java-unsafe-deserialization
        Object f = new Yaml(new Constructor(Map.class, new LoaderOptions())).load(payload);
        byte[] raw = Base64.getDecoder().decode(req.getParameter("obj"));
        // ruleid: java-unsafe-deserialization
        Object d = new ObjectInputStream(new ByteArrayInputStream(raw)).readObject();
        // ruleid: java-unsafe-deserialization
        Object e = new XMLDecoder(req.getInputStream()).readObject();
    }

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        String payload = req.getParameter("payload");
        Yaml safe = new Yaml(new SafeConstructor(new LoaderOptions()));
        // ok: java-unsafe-deserialization
        Map<String, Object> a = safe.load(payload);
        Yaml local = new Yaml();
        // ok: java-unsafe-deserialization
        Object b = local.load("name: constant");
        // ok: java-unsafe-deserialization
        Object c = new Yaml(new SafeConstructor(new LoaderOptions())).load(payload);
    }
}
