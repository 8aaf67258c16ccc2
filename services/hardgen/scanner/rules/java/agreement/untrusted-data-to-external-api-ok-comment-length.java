// hardgen-expect: none
// hardgen-near-miss: java/untrusted-data-to-external-api
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

@WebServlet("/comments")
public class CommentServlet extends HttpServlet {
    private final List<String> comments = Collections.synchronizedList(new ArrayList<>());

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String comment = request.getParameter("comment");
        if (comment == null || comment.isEmpty() || comment.length() > 500) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Comment must be 1-500 characters");
            return;
        }
        comments.add(comment);
        response.setStatus(HttpServletResponse.SC_CREATED);
    }
}
