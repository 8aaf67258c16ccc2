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
import java.nio.file.StandardCopyOption;

@WebServlet("/pdf/upload")
@MultipartConfig(maxFileSize = 10 * 1024 * 1024)
public class UploadServlet extends HttpServlet {

    private static final String UPLOAD_DIR = "uploads";

    // save the uploaded pdf file (form field "pdf") to ./uploads
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        Part pdf = req.getPart("pdf");
        if (pdf == null) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "missing file");
            return;
        }
        if (pdf.getSize() > 5L * 1024 * 1024) {
            resp.sendError(413, "file too large");
            return;
        }
        String contentType = pdf.getContentType();
        if (contentType == null || !contentType.equals("application/pdf")) {
            resp.sendError(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "PDF only");
            return;
        }
        Path dir = Files.createDirectories(Paths.get(UPLOAD_DIR));
        Path stored = Files.createTempFile(dir, "upload-", ".pdf");
        try (InputStream in = pdf.getInputStream()) {
            Files.copy(in, stored, StandardCopyOption.REPLACE_EXISTING);
        }
        resp.setStatus(HttpServletResponse.SC_CREATED);
        resp.setContentType("text/plain");
        resp.getWriter().println("stored as " + stored.getFileName());
    }
}
