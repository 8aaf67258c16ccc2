// hardgen-expect: java/relative-path-command
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

@WebServlet("/version")
public class VersionServlet extends HttpServlet {
    private static final String REPO = "/srv/app";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        Process process = Runtime.getRuntime().exec(new String[] {"git", "-C", REPO, "log", "-1", "--format=%h"});
        response.setContentType("text/plain");
        PrintWriter out = response.getWriter();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            out.println("build " + reader.readLine());
        }
    }
}
