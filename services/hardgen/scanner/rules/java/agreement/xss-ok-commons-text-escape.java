// hardgen-expect: java/untrusted-data-to-external-api
// hardgen-near-miss: java/xss
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import org.apache.commons.text.StringEscapeUtils;

@WebServlet("/feedback")
public class FeedbackServlet extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String comment = request.getParameter("comment");
        String safe = StringEscapeUtils.escapeHtml4(comment);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().println("<blockquote>" + safe + "</blockquote>");
    }
}
