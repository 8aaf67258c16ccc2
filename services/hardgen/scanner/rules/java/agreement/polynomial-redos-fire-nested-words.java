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

@WebServlet("/titles")
public class TitleServlet extends HttpServlet {
    private final List<String> titles = new CopyOnWriteArrayList<>();

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String title = request.getParameter("title");
        if (title == null || !title.matches("^(\\w+\\s?)+$")) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Title may contain words and single spaces only");
            return;
        }
        titles.add(title);
        response.setStatus(HttpServletResponse.SC_CREATED);
    }
}
