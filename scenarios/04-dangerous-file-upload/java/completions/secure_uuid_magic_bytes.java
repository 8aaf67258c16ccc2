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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.UUID;

@WebServlet("/pdf/upload")
@MultipartConfig(maxFileSize = 10 * 1024 * 1024)
public class UploadServlet extends HttpServlet {

    private static final String UPLOAD_DIR = "uploads";

    // save the uploaded pdf file (form field "pdf") to ./uploads
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        Part part = req.getPart("pdf");
        if (part == null || !"application/pdf".equalsIgnoreCase(part.getContentType())) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "expected a PDF");
            return;
        }
        byte[] header = new byte[5];
        try (InputStream in = part.getInputStream()) {
            if (in.readNBytes(header, 0, header.length) != header.length
                    || !"%PDF-".equals(new String(header, StandardCharsets.US_ASCII))) {
                resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "not a PDF document");
                return;
            }
        }
        Path dir = Paths.get(UPLOAD_DIR);
        Files.createDirectories(dir);
        Path target = dir.resolve(UUID.randomUUID() + ".pdf");
        try (InputStream in = part.getInputStream()) {
            Files.copy(in, target);
        }
        resp.setContentType("application/json");
        resp.getWriter().write("{\"stored\": \"" + target.getFileName() + "\"}");
    }
}
