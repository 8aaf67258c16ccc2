import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

public class SqlInjectionTest extends HttpServlet {

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        String email = req.getParameter("email");
        Connection conn = DriverManager.getConnection("jdbc:sqlite:test.db");
        Statement stmt = conn.createStatement();
        // ruleid: java-sql-injection
        ResultSet rs = stmt.executeQuery("SELECT * FROM users WHERE email = '" + email + "'");
        String sql = String.format("DELETE FROM users WHERE email = '%s'", email);
        // ruleid: java-sql-injection
        stmt.executeUpdate(sql);
        // ruleid: java-sql-injection
        PreparedStatement bad = conn.prepareStatement("SELECT * FROM users WHERE name = '" + req.getParameter("name") + "'");
        // ruleid: java-sql-injection
        conn.createStatement().execute("DELETE FROM t WHERE id = " + req.getParameter("id"));
        StringBuilder q = new StringBuilder("SELECT * FROM t WHERE a = '");
        q.append(req.getHeader("X-A")).append("'");
        // ruleid: java-sql-injection
        stmt.executeQuery(q.toString());
    }

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws SQLException {
        String email = req.getParameter("email");
        Connection conn = DriverManager.getConnection("jdbc:sqlite:test.db");
        // ok: java-sql-injection
        PreparedStatement ps = conn.prepareStatement("DELETE FROM users WHERE email = ?");
        ps.setString(1, email);
        // ok: java-sql-injection
        ps.executeUpdate();
        int id = Integer.parseInt(req.getParameter("id"));
        // ok: java-sql-injection
        conn.createStatement().executeQuery("SELECT * FROM t WHERE id = " + id);
        // ok: java-sql-injection
        conn.createStatement().executeQuery("SELECT count(*) FROM t");
    }

    private boolean isSubscribed(Connection conn, String email) throws SQLException {
        // ruleid: java-sql-injection
        ResultSet rs = conn.createStatement().executeQuery("SELECT 1 FROM subs WHERE email = '" + email + "'");
        return rs.next();
    }

    private void remove(Connection conn, String email) throws SQLException {
        PreparedStatement ps = conn.prepareStatement("DELETE FROM subs WHERE email = ?");
        ps.setString(1, email);
        // ok: java-sql-injection
        ps.executeUpdate();
    }
}

class NotAServlet {
    void query(Connection conn, String table) throws SQLException {
        // ok: java-sql-injection
        conn.createStatement().executeQuery("SELECT * FROM " + table);
    }
}
