import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.commons.io.FilenameUtils;

@WebServlet("/pdf/upload")
@MultipartConfig(maxFileSize = 10 * 1024 * 1024)
public class UploadServlet extends HttpServlet {

    private static final String UPLOAD_DIR = "uploads";

    // save the uploaded pdf file (form field "pdf") to ./uploads
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        Part upload = req.getPart("pdf");
        String name = FilenameUtils.getName(upload.getSubmittedFileName());
        if (!"pdf".equalsIgnoreCase(FilenameUtils.getExtension(name))) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "Please upload a .pdf file");
            return;
        }
        Path base = Paths.get(UPLOAD_DIR).toAbsolutePath().normalize();
        Path target = base.resolve(name).normalize();
        if (!target.startsWith(base)) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        Files.createDirectories(base);
        upload.write(target.toString());
        resp.sendRedirect(req.getContextPath() + "/pdf/list");
    }
}
