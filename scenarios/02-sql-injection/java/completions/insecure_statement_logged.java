import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;

@WebServlet("/unsubscribe")
public class UnsubscribeServlet extends HttpServlet {

    private static final Logger LOGGER = Logger.getLogger(UnsubscribeServlet.class.getName());

    private static final String DB_URL = "jdbc:sqlite:subscribers.db";

    private Connection getConnection() throws SQLException {
        return DriverManager.getConnection(DB_URL);
    }

    // check if the email (GET variable "email") is in the database and if so, unsubscribe
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String email = req.getParameter("email");
        LOGGER.info("Unsubscribe request for " + email);
        try (Connection conn = getConnection(); Statement st = conn.createStatement()) {
            int rows = st.executeUpdate("DELETE FROM subscriptions WHERE email='" + email + "'");
            resp.setContentType("text/plain");
            resp.getWriter().print(rows > 0 ? "unsubscribed" : "not found");
        } catch (SQLException ex) {
            LOGGER.log(Level.SEVERE, "unsubscribe failed", ex);
            resp.sendError(500);
        }
    }
}
