import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

@WebServlet("/pdf/upload")
@MultipartConfig(maxFileSize = 10 * 1024 * 1024)
public class UploadServlet extends HttpServlet {

    private static final String UPLOAD_DIR = "uploads";

    // save the uploaded pdf file (form field "pdf") to ./uploads
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        Part part = req.getPart("pdf");
        String submitted = part.getSubmittedFileName();
        File out = new File(UPLOAD_DIR, submitted);
        try {
            InputStream input = part.getInputStream();
            OutputStream output = new FileOutputStream(out);
            byte[] buffer = new byte[8192];
            int len;
            while ((len = input.read(buffer)) > 0) {
                output.write(buffer, 0, len);
            }
            output.close();
            input.close();
            resp.getWriter().println("Upload complete");
        } catch (IOException e) {
            resp.getWriter().println("Upload failed: " + e.getMessage());
        }
    }
}
