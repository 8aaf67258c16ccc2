import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.UUID;

public class UnrestrictedUploadTest extends HttpServlet {

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        Part part = req.getPart("file");
        String name = Paths.get(part.getSubmittedFileName()).getFileName().toString();
        // ruleid: java-hardgen-unrestricted-file-upload
        part.write("uploads/" + name);
    }

    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        Part part = req.getPart("file");
        try (InputStream in = part.getInputStream()) {
            // ruleid: java-hardgen-unrestricted-file-upload
            Files.copy(in, Paths.get("uploads", UUID.randomUUID().toString()));
        }
    }

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        Part part = req.getPart("pdf");
        String name = Paths.get(part.getSubmittedFileName()).getFileName().toString();
        if (!name.toLowerCase().endsWith(".pdf")) {
            resp.sendError(400);
            return;
        }
        // ok: java-hardgen-unrestricted-file-upload
        part.write("uploads/" + name);
    }

    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        Part part = req.getPart("pdf");
        if (!"application/pdf".equals(part.getContentType())) {
            resp.sendError(415);
            return;
        }
        // ok: java-hardgen-unrestricted-file-upload
        Files.copy(part.getInputStream(), Paths.get("uploads", UUID.randomUUID() + ".pdf"));
    }

    protected void doHead(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        Part part = req.getPart("pdf");
        String type = part.getContentType();
        if (type == null || !type.equals("application/pdf")) {
            resp.sendError(415);
            return;
        }
        // ok: java-hardgen-unrestricted-file-upload
        part.write("uploads/" + UUID.randomUUID() + ".pdf");
    }
}
