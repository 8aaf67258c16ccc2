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

@WebServlet("/notes")
public class NoteServlet extends HttpServlet {
    private final List<String> notes = new CopyOnWriteArrayList<>();

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String note = request.getParameter("note");
        if (note == null) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        String cleaned = note.replaceAll("\\s+$", "");
        notes.add(cleaned);
        response.setStatus(HttpServletResponse.SC_CREATED);
    }
}
