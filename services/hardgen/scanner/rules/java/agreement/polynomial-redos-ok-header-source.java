// hardgen-expect: none
// hardgen-near-miss: java/polynomial-redos
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

@WebServlet("/client-check")
public class ClientCheckServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String agent = request.getHeader("User-Agent");
        boolean known = agent != null && agent.matches("^(\\w+\\s?)+$");
        response.setContentType("text/plain");
        response.getWriter().println(known ? "known client" : "unknown client");
    }
}
