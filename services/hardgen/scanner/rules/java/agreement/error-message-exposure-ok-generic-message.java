// hardgen-expect: none
// hardgen-near-miss: java/error-message-exposure
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

@WebServlet("/inventory")
public class InventoryServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        try (Connection conn = DriverManager.getConnection("jdbc:sqlite:shop.db");
             Statement stmt = conn.createStatement();
             ResultSet rs = stmt.executeQuery("SELECT SUM(stock) FROM products")) {
            rs.next();
            response.getWriter().println("In stock: " + rs.getLong(1));
        } catch (SQLException e) {
            getServletContext().log("inventory query failed", e);
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "Internal error, please try again later");
        }
    }
}
