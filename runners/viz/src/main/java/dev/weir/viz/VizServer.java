package dev.weir.viz;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Serves the map on loopback only ({@code 127.0.0.1}), as {@code kedro viz run} does by default:
 * {@code /} is the page, {@code /api/graph.json} the graph. The page is rebuilt on every request so
 * a reload shows the latest run. Uses the JDK's {@code com.sun.net.httpserver}.
 */
public final class VizServer implements AutoCloseable {
  private final HttpServer server;

  private VizServer(HttpServer server) {
    this.server = server;
  }

  /**
   * Starts serving.
   *
   * @param port the port; 0 picks a free one
   * @param graph builds the graph for each request
   * @return the running server
   * @throws IOException when the port is taken (the message names it)
   */
  public static VizServer start(int port, Supplier<VizGraph> graph) throws IOException {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (java.net.BindException e) {
      throw new IOException(
          "Port " + port + " on 127.0.0.1 is in use; pick another with --port.", e);
    }
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          try {
            if (!"GET".equals(exchange.getRequestMethod())
                && !"HEAD".equals(exchange.getRequestMethod())) {
              send(exchange, 405, "text/plain", "Only GET is supported.");
            } else if (path.equals("/") || path.equals("/index.html")) {
              send(exchange, 200, "text/html", HtmlRenderer.render(graph.get()));
            } else if (path.equals("/api/graph.json")) {
              send(exchange, 200, "application/json", VizJson.pretty(graph.get()));
            } else {
              send(exchange, 404, "text/plain", "Not found: " + path);
            }
          } catch (RuntimeException e) {
            // The project changed under a running server (a bad catalog edit): say so in the page.
            send(
                exchange,
                500,
                "text/plain",
                "weir viz could not build the graph: " + e.getMessage());
          }
        });
    server.start();
    return new VizServer(server);
  }

  /**
   * @return the page's address, {@code http://127.0.0.1:<port>/}
   */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    boolean head = "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      if (!head) {
        out.write(bytes);
      }
    }
  }

  /** Stops the server at once. */
  @Override
  public void close() {
    server.stop(0);
  }
}
