// hardgen-expect: none
// hardgen-near-miss: java/polynomial-redos
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

@WebServlet("/ids")
public class IdListServlet extends HttpServlet {
    private final List<String> ids = new CopyOnWriteArrayList<>();

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String raw = request.getParameter("ids");
        if (raw == null) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        for (String id : raw.split(",")) {
            ids.add(id);
        }
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
