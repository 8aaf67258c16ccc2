import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.commons.io.FilenameUtils;

public class PathInjectionTest extends HttpServlet {

    protected void concat(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getParameter("file");
        // ruleid: java-path-injection
        InputStream in = new FileInputStream("images/" + name);
        in.close();
    }

    protected void pathsGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Path p = Paths.get("images", req.getParameter("file"));
        // ruleid: java-path-injection
        Files.copy(p, resp.getOutputStream());
    }

    protected void resolveOnly(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Path base = Paths.get("images");
        // ruleid: java-path-injection
        byte[] data = Files.readAllBytes(base.resolve(req.getHeader("X-File")));
        resp.getOutputStream().write(data);
    }

    protected void upload(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        Part part = req.getPart("f");
        // Part.write has no path-injection sink model in CodeQL
        // ok: java-path-injection
        part.write("uploads/" + part.getSubmittedFileName());
        // ruleid: java-path-injection
        Files.copy(part.getInputStream(), Paths.get("uploads").resolve(part.getSubmittedFileName()));
        File target = new File("uploads", part.getSubmittedFileName());
        // ruleid: java-path-injection
        new FileOutputStream(target).close();
    }

    protected void stringBuilder(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        StringBuilder sb = new StringBuilder("images/");
        sb.append(req.getParameter("file"));
        // ruleid: java-path-injection
        Files.delete(Paths.get(sb.toString()));
    }

    protected void normalizedAndContained(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Path base = Paths.get("images").toAbsolutePath().normalize();
        Path target = base.resolve(req.getParameter("file")).normalize();
        if (!target.startsWith(base)) {
            resp.sendError(403);
            return;
        }
        // ok: java-path-injection
        Files.copy(target, resp.getOutputStream());
    }

    protected void notNormalized(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Path base = Paths.get("images");
        Path target = base.resolve(req.getParameter("file"));
        if (!target.startsWith(base)) {
            resp.sendError(403);
            return;
        }
        // ruleid: java-path-injection
        Files.copy(target, resp.getOutputStream());
        String name = req.getParameter("other");
        if (name.startsWith("/")) {
            return;
        }
        // ruleid: java-path-injection
        Files.copy(Paths.get("images", name), resp.getOutputStream());
    }

    protected void realPath(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Path base = Paths.get("images").toRealPath();
        Path real = base.resolve(req.getParameter("file")).toRealPath();
        if (!real.startsWith(base)) {
            resp.sendError(403);
            return;
        }
        // ok: java-path-injection
        Files.copy(real, resp.getOutputStream());
    }

    protected void fileNameOnly(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        // getFileName and FilenameUtils.getName are taint steps in CodeQL, not barriers
        String safe = Paths.get(req.getParameter("file")).getFileName().toString();
        // ruleid: java-path-injection
        Files.copy(Paths.get("images", safe), resp.getOutputStream());
        String other = FilenameUtils.getName(req.getParameter("other"));
        // ruleid: java-path-injection
        new FileInputStream(new File("images", other)).close();
    }

    protected void regexAllowList(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getParameter("file");
        if (name == null || !name.matches("[a-z0-9]+\\.png")) {
            resp.sendError(400);
            return;
        }
        // a regex allow-list alone is no PathInjectionSanitizer (it needs a `..` check too)
        // ruleid: java-path-injection
        resp.getOutputStream().write(Files.readAllBytes(Paths.get("images", name)));
    }

    protected void regexAndDotDot(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getParameter("file");
        if (name == null || name.contains("..") || !name.matches("[a-z0-9.]+")) {
            resp.sendError(400);
            return;
        }
        // ok: java-path-injection
        resp.getOutputStream().write(Files.readAllBytes(Paths.get("images", name)));
    }

    protected void blockList(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getParameter("file");
        if (name.contains("..") || name.contains("/") || name.contains("\\")) {
            resp.sendError(400);
            return;
        }
        // ok: java-path-injection
        new FileInputStream(new File("images", name)).close();
        String only = req.getParameter("only");
        if (only.contains("..")) {
            return;
        }
        // a `..` check alone is not enough
        // ruleid: java-path-injection
        new FileInputStream(new File("images", only)).close();
    }

    protected void exactMatch(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getParameter("file");
        if (name.equals("report.pdf")) {
            // ok: java-path-injection
            Files.copy(Paths.get("docs", name), resp.getOutputStream());
        }
        // Files.size is no path-injection sink in CodeQL's models
        // ok: java-path-injection
        long size = Files.size(Paths.get("docs", req.getParameter("other")));
    }

    protected void canonical(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        File folder = new File("images");
        File f = new File(folder, req.getParameter("file"));
        if (!f.getCanonicalPath().startsWith(folder.getCanonicalPath() + File.separator)) {
            resp.sendError(403);
            return;
        }
        // ok: java-path-injection
        Files.copy(f.toPath(), resp.getOutputStream());
    }

    protected void uploadContentOnly(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        Part part = req.getPart("f");
        // ok: java-path-injection
        Files.copy(part.getInputStream(), Paths.get("uploads", java.util.UUID.randomUUID() + ".pdf"));
    }

    protected void constant(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        // ok: java-path-injection
        Files.copy(Paths.get("images", "logo.png"), resp.getOutputStream());
    }
}
