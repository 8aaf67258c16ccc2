import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;

public class PolynomialRedosTest extends HttpServlet {

    private static final Pattern NESTED = Pattern.compile("^(\\w+\\s?)+$");
    private static final Pattern HOST = Pattern.compile("^([a-z0-9-]+\\.)*[a-z0-9-]+$");

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
        String input = req.getParameter("q");
        // ruleid: java-polynomial-redos
        boolean a = input.matches("^(a+)+$");
        // ruleid: java-polynomial-redos
        boolean b = NESTED.matcher(input).matches();
        // ruleid: java-polynomial-redos
        boolean c = input.matches("^.*=.*;$");
        // ok: java-polynomial-redos
        boolean d = HOST.matcher(input).matches();
        // ok: java-polynomial-redos
        boolean e = input.matches("[A-Za-z0-9.-]{1,253}");
        // ok: java-polynomial-redos
        boolean f = "constant".matches("^(a+)+$");
    }
}
