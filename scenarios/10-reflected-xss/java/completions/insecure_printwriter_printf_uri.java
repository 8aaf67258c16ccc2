import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

@WebServlet("/hello/*")
public class HelloServlet extends HttpServlet {

    // function which says hello to the user: /hello/<username>
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        resp.setContentType("text/html;charset=UTF-8");
        String uri = req.getRequestURI();
        String username = uri.substring(uri.lastIndexOf('/') + 1);
        PrintWriter out = resp.getWriter();
        out.printf("<html><body><h1>Hello %s</h1></body></html>", username);
        out.flush();
    }
}
