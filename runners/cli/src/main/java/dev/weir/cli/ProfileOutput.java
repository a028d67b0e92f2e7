package dev.weir.cli;

import dev.weir.WeirException;
import dev.weir.runner.RunProfile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints and writes the report of {@code weir run --profile}: a table of each scope ({@code (run)}
 * then each node in run order) with its parts and their seconds, the remainder as {@code other},
 * and the wall time; the same as JSON in {@code <project>/target/weir-profile/<run id>.json}.
 */
final class ProfileOutput {
  /** The folder, under the project root, that holds one JSON report per profiled run. */
  static final String FOLDER = "target/weir-profile";

  private ProfileOutput() {}

  /**
   * @param report the run's profile
   * @param out where to print
   */
  static void print(RunProfile.Report report, PrintWriter out) {
    Map<String, List<RunProfile.Part>> byScope = new LinkedHashMap<>();
    byScope.put(RunProfile.RUN, new java.util.ArrayList<>());
    for (RunProfile.Part part : report.parts()) {
      byScope.computeIfAbsent(part.scope(), s -> new java.util.ArrayList<>()).add(part);
    }
    out.printf(Locale.ROOT, "Profile (seconds; each part excludes the parts inside it):%n");
    for (Map.Entry<String, List<RunProfile.Part>> e : byScope.entrySet()) {
      String scope = e.getKey();
      out.printf(
          Locale.ROOT,
          "  %-58s %8.3f%n",
          RunProfile.RUN.equals(scope) ? "outside nodes" : "node " + scope,
          report.scopeSeconds(scope));
      for (RunProfile.Part p : e.getValue()) {
        out.printf(Locale.ROOT, "    %-56s %8.3f%n", p.kind() + " " + p.name(), p.seconds());
      }
    }
    out.printf(
        Locale.ROOT,
        "  %-58s %8.3f%n",
        "other (not timed: logging, scheduling)",
        report.otherSeconds());
    out.printf(Locale.ROOT, "  %-58s %8.3f%n", "wall", report.wallSeconds());
    out.flush();
  }

  /**
   * @param report the run's profile
   * @param projectRoot the project root
   * @param runId the run id (the file's name)
   * @return the file written
   * @throws WeirException when the file cannot be written
   */
  static Path write(RunProfile.Report report, Path projectRoot, String runId) {
    Path file = projectRoot.resolve(FOLDER).resolve(runId + ".json");
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("runId", runId);
    json.put("wallSeconds", report.wallSeconds());
    json.put("otherSeconds", report.otherSeconds());
    json.put("parts", report.parts());
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, Json.write(json));
    } catch (IOException e) {
      throw new WeirException(
          "Cannot write the profile to " + file + ": " + e + ". Check that the folder is writable.",
          e);
    }
    return file;
  }
}
