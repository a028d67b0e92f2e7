package dev.weir.viz;

import dev.weir.WeirException;
import dev.weir.command.ExitCodes;
import dev.weir.command.WeirCommand;
import dev.weir.session.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code weir viz}: the pipeline as an interactive map (Weir's kedro-viz), or as Mermaid, DOT or
 * JSON for docs and tools. See {@link dev.weir.viz}.
 */
@Command(
    name = "viz",
    mixinStandardHelpOptions = true,
    description = {
      "Draw the pipeline: one self-contained HTML page (nothing is fetched when it opens),",
      "served on 127.0.0.1 with --serve, or Mermaid, DOT or JSON on standard output."
    })
public final class VizCommand extends WeirCommand {

  /** A {@code weir viz} command for picocli to fill. */
  public VizCommand() {}

  /** Output formats of {@code --format}. */
  enum Format {
    html,
    mermaid,
    dot,
    json
  }

  @Option(
      names = {"--pipelines", "-p"},
      split = ",",
      paramLabel = "NAME",
      description = "Registered pipelines to draw, combined. Default: __default__.")
  List<String> pipelines = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "html (default), mermaid, dot or json. Text formats print to standard output.")
  Format format = Format.html;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write to this file. Default for html: pipeline.html; text formats: stdout.")
  @Nullable Path out;

  @Option(names = "--serve", description = "Serve the page on 127.0.0.1 until interrupted.")
  boolean serve;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "Port for --serve (0 picks a free one). Default: 4141.")
  int port = 4141;

  @Override
  protected int execute() throws Exception {
    if (serve && format != Format.html) {
      throw new WeirException(
          "--serve serves the HTML page; drop --format " + format + " or --serve.");
    }
    Session session = common.sessionBuilder().build();
    // Build once before serving so a configuration mistake is reported here, not in the browser.
    VizGraph graph = VizProject.graph(session, pipelines);
    if (serve) {
      return serve(session);
    }
    String text =
        switch (format) {
          case html -> HtmlRenderer.render(graph);
          case mermaid -> MermaidRenderer.render(graph);
          case dot -> DotRenderer.render(graph);
          case json -> VizJson.pretty(graph);
        };
    Path target = out != null ? out : format == Format.html ? Path.of("pipeline.html") : null;
    if (target == null) {
      out().print(text.endsWith("\n") ? text : text + "\n");
      out().flush();
      return ExitCodes.OK;
    }
    write(target, text);
    out()
        .printf(
            "Wrote %s (%d nodes, %d datasets, %d parameters)%n",
            target.toAbsolutePath().normalize(),
            graph.nodes().size(),
            graph.datasets().size(),
            graph.parameters().size());
    out().flush();
    return ExitCodes.OK;
  }

  private int serve(Session session) throws IOException, InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    try (VizServer server = VizServer.start(port, () -> VizProject.graph(session, pipelines))) {
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "weir-viz-stop"));
      out().println("Serving the pipeline map on " + server.uri() + " (Ctrl+C to stop)");
      out().flush();
      stopped.await();
    }
    return ExitCodes.OK;
  }

  private static void write(Path target, String text) {
    try {
      Path parent = target.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(target, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new WeirException(
          "Could not write " + target + ": " + e.getMessage() + ". Choose another --out.", e);
    }
  }
}
