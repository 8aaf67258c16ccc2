import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;

public class PolynomialRedosTest extends HttpServlet {

    private static final Pattern NESTED = Pattern.compile("^(\\w+\\s?)+$");
    private static final Pattern HOST = Pattern.compile("^([a-z0-9-]+\\.)*[a-z0-9-]+$");
    private static final Pattern TRAILING = Pattern.compile("\\s+$");

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
        String input = req.getParameter("q");
        // ruleid: java-polynomial-redos
        boolean a = input.matches("^(a+)+$");
        // ruleid: java-polynomial-redos
        boolean b = NESTED.matcher(input).matches();
        // ruleid: java-polynomial-redos
        boolean c = input.matches("^.*=.*;$");
        // ruleid: java-polynomial-redos
        boolean g = input.matches("^(.*,)*$");
        // ruleid: java-polynomial-redos
        String trimmed = input.replaceAll("\\s+$", "");
        // ruleid: java-polynomial-redos
        String[] parts = input.split("\\s*,\\s*");
        // ruleid: java-polynomial-redos
        boolean h = TRAILING.matcher(input).find();
        // ruleid: java-polynomial-redos
        String host = input.replaceAll("/.*$", "");
        // ruleid: java-polynomial-redos
        String text = input.replaceAll("<[^>]*>", "");
        // ok: java-polynomial-redos
        String quoted = input.replaceAll("\"[^\"]*\"", "");
        // ok: java-polynomial-redos
        String scheme = input.replaceFirst("^https?://", "");
        // ok: java-polynomial-redos
        String clean = input.replaceAll("[^a-zA-Z0-9]+", "");
        // ok: java-polynomial-redos
        boolean d = HOST.matcher(input).matches();
        // ok: java-polynomial-redos
        boolean e = input.matches("[A-Za-z0-9.-]{1,253}");
        // ok: java-polynomial-redos
        boolean f = "constant".matches("^(a+)+$");
        // ok: java-polynomial-redos
        boolean i = input.matches("^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\\.[a-zA-Z]{2,}$");
        // ok: java-polynomial-redos
        String[] words = input.split("\\s+");
        // headers are length-restricted (LengthRestrictedMethod)
        // ok: java-polynomial-redos
        boolean j = req.getHeader("User-Agent").matches("^(\\w+\\s?)+$");
    }
}
