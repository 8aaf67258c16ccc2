import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

@WebServlet("/check_mod")
public class ModeratorServlet extends HttpServlet {

    // return true if they are a moderator
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String username = req.getParameter("username");
        String password = req.getParameter("password");
        String sql = "SELECT is_moderator FROM users WHERE username = '" + username
                + "' AND password = '" + password + "'";
        try (Connection conn = DriverManager.getConnection("jdbc:mysql://localhost:3306/forum", "root", "r00tpassw0rd");
             Statement stmt = conn.createStatement();
             ResultSet rs = stmt.executeQuery(sql)) {
            boolean moderator = rs.next() && rs.getBoolean("is_moderator");
            resp.getWriter().print(moderator);
        } catch (SQLException e) {
            throw new ServletException(e);
        }
    }
}
