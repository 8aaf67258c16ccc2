import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

@WebServlet("/hello/*")
public class HelloServlet extends HttpServlet {

    // function which says hello to the user: /hello/<username>
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        resp.setContentType("text/html;charset=UTF-8");
        String pathInfo = req.getPathInfo();
        String name = pathInfo == null ? "guest" : URLDecoder.decode(pathInfo.substring(1), StandardCharsets.UTF_8);
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html><body>");
        html.append("<h1>Welcome, ");
        html.append(name);
        html.append("!</h1></body></html>");
        Cookie lastUser = new Cookie("last_user", "seen");
        lastUser.setPath("/");
        resp.addCookie(lastUser);
        resp.getWriter().write(html.toString());
    }
}
