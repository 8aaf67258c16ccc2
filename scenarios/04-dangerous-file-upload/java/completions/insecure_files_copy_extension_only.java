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
        String name = pdf.getSubmittedFileName();
        if (name == null || !name.toLowerCase().endsWith(".pdf")) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "Only PDF files are allowed");
            return;
        }
        Path target = Paths.get(UPLOAD_DIR, name);
        Files.createDirectories(target.getParent());
        try (InputStream in = pdf.getInputStream()) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        resp.setStatus(HttpServletResponse.SC_CREATED);
    }
}
