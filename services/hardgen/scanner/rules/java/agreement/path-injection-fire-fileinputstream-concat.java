// hardgen-expect: java/path-injection, java/untrusted-data-to-external-api
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.FileInputStream;
import java.io.InputStream;

@WebServlet("/download")
public class DownloadServlet extends HttpServlet {
    private static final String BASE_DIR = "/var/app/files";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String fileName = request.getParameter("file");
        response.setContentType("application/octet-stream");
        try (InputStream in = new FileInputStream(BASE_DIR + "/" + fileName)) {
            in.transferTo(response.getOutputStream());
        }
    }
}
