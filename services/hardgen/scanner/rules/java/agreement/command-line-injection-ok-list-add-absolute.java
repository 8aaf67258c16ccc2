// hardgen-expect: java/untrusted-data-to-external-api
// hardgen-near-miss: java/command-line-injection
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

@WebServlet("/dig")
public class DigServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String name = request.getParameter("name");
        List<String> command = new ArrayList<>();
        command.add("/usr/bin/dig");
        command.add("+short");
        command.add(name);
        Process process = new ProcessBuilder(command).start();
        response.setContentType("text/plain");
        process.getInputStream().transferTo(response.getOutputStream());
    }
}
