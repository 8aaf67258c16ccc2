// hardgen-expect: none
// hardgen-near-miss: java/untrusted-data-to-external-api
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import com.google.gson.Gson;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

@WebServlet("/api/orders")
public class OrderServlet extends HttpServlet {
    private static final Gson GSON = new Gson();
    private final List<Order> orders = new CopyOnWriteArrayList<>();

    static class Order {
        String sku;
        int quantity;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        Order order = GSON.fromJson(request.getReader(), Order.class);
        if (order == null || order.quantity <= 0) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "quantity must be positive");
            return;
        }
        orders.add(order);
        response.setStatus(HttpServletResponse.SC_CREATED);
        response.setContentType("application/json");
        response.getWriter().write("{\"status\":\"created\"}");
    }
}
