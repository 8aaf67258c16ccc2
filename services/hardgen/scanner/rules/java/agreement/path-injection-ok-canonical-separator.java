// hardgen-expect: java/untrusted-data-to-external-api
// hardgen-near-miss: java/path-injection
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;

@WebServlet("/reports")
public class ReportServlet extends HttpServlet {
    private static final File REPORT_DIR = new File("/srv/reports");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        File report = new File(REPORT_DIR, request.getParameter("report"));
        if (!report.getCanonicalPath().startsWith(REPORT_DIR.getCanonicalPath() + File.separator)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Access denied");
            return;
        }
        response.setContentType("application/pdf");
        try (InputStream in = new FileInputStream(report)) {
            in.transferTo(response.getOutputStream());
        }
    }
}
