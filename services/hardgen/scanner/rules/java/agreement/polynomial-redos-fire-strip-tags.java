// hardgen-expect: java/polynomial-redos
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

@WebServlet("/bio")
public class BioServlet extends HttpServlet {
    private final List<String> bios = new CopyOnWriteArrayList<>();

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String bio = request.getParameter("bio");
        if (bio == null) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        String plain = bio.replaceAll("<[^>]*>", "");
        bios.add(plain);
        response.setStatus(HttpServletResponse.SC_CREATED);
    }
}
