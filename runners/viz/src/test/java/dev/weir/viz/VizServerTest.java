package dev.weir.viz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VizServerTest {
  @TempDir Path project;

  private static HttpResponse<String> get(URI uri) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesThePageAndTheGraphOnLoopbackRebuildingOnEveryRequest() throws Exception {
    VizGraph graph = VizFixtures.graph(project);
    AtomicInteger builds = new AtomicInteger();
    try (VizServer server =
        VizServer.start(
            0,
            () -> {
              builds.incrementAndGet();
              return graph;
            })) {
      assertThat(server.uri().getHost()).isEqualTo("127.0.0.1");

      HttpResponse<String> page = get(server.uri());
      HttpResponse<String> json = get(server.uri().resolve("/api/graph.json"));
      HttpResponse<String> missing = get(server.uri().resolve("/nope"));

      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
      assertThat(page.body()).isEqualTo(HtmlRenderer.render(graph));
      assertThat(json.statusCode()).isEqualTo(200);
      assertThat(new ObjectMapper().readTree(json.body()).get("nodes")).hasSize(3);
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(builds.get()).isEqualTo(2);
    }
  }

  @Test
  void listensOnlyOnTheLoopbackAddress() throws Exception {
    try (VizServer server = VizServer.start(0, () -> VizFixtures.graph(project))) {
      int port = server.uri().getPort();
      // Another loopback-wide listener on the same port would fail if we had bound 0.0.0.0.
      InetAddress lo = InetAddress.getLoopbackAddress();
      assertThat(lo.isLoopbackAddress()).isTrue();
      try (java.net.Socket s = new java.net.Socket(lo, port)) {
        assertThat(s.isConnected()).isTrue();
      }
      assertThat(
              java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                  .flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
                  .filter(a -> !a.isLoopbackAddress() && a instanceof java.net.Inet4Address)
                  .noneMatch(a -> canConnect(a, port)))
          .isTrue();
    }
  }

  private static boolean canConnect(InetAddress address, int port) {
    try (java.net.Socket s = new java.net.Socket()) {
      s.connect(new java.net.InetSocketAddress(address, port), 500);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  @Test
  void aGraphThatCannotBeBuiltAnswers500WithTheReason() throws Exception {
    try (VizServer server =
        VizServer.start(
            0,
            () -> {
              throw new dev.weir.config.ConfigException("catalog.yml:3: no type");
            })) {
      HttpResponse<String> page = get(server.uri());

      assertThat(page.statusCode()).isEqualTo(500);
      assertThat(page.body()).contains("catalog.yml:3: no type");
    }
  }
}
