package dev.weir.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.testing.TestProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code weir run --profile} through {@link Main} on the test project (no Spark). */
class ProfileTest {
  @TempDir Path dir;

  @Test
  void profilePrintsAndWritesEveryNodesPartsSummingToTheWallTime() throws Exception {
    TestProject.create(dir);

    Cli cli = Cli.run("run", "--profile", "--project", dir.toString());

    assertThat(cli.exitCode()).as(cli.all()).isZero();
    assertThat(cli.out())
        .contains("Profile (seconds")
        .contains("node clean")
        .contains("load raw")
        .contains("function clean")
        .contains("save cleaned")
        .contains("hook ServiceLoadedHook")
        .contains("other (not timed")
        .contains("Profile written to " + dir.resolve(ProfileOutput.FOLDER));
    Path file;
    try (Stream<Path> files = Files.list(dir.resolve(ProfileOutput.FOLDER))) {
      List<Path> all = files.toList();
      assertThat(all).hasSize(1);
      file = all.get(0);
    }
    JsonNode json = new ObjectMapper().readTree(file.toFile());
    double wall = json.get("wallSeconds").asDouble();
    double other = json.get("otherSeconds").asDouble();
    double sum = 0;
    Set<String> scopesAndKinds = new HashSet<>();
    for (JsonNode part : json.get("parts")) {
      double seconds = part.get("seconds").asDouble();
      assertThat(seconds).as(part.toString()).isGreaterThanOrEqualTo(0);
      sum += seconds;
      scopesAndKinds.add(part.get("scope").asText() + " " + part.get("kind").asText());
    }
    assertThat(scopesAndKinds)
        .contains(
            "(run) configuration",
            "(run) runner",
            "(run) hook",
            "(run) summary",
            "clean load",
            "clean function",
            "clean save",
            "clean hook",
            "summarize load",
            "summarize function",
            "summarize save");
    assertThat(wall).isPositive();
    assertThat(other).isGreaterThanOrEqualTo(0).isLessThan(wall);
    assertThat(sum + other).isCloseTo(wall, within(1e-6));
    assertThat(file.getFileName().toString()).isEqualTo(json.get("runId").asText() + ".json");
  }

  @Test
  void withoutProfileNothingIsPrintedOrWritten() {
    TestProject.create(dir);

    Cli cli = Cli.run("run", "--project", dir.toString());

    assertThat(cli.exitCode()).as(cli.all()).isZero();
    assertThat(cli.out()).doesNotContain("Profile");
    assertThat(dir.resolve(ProfileOutput.FOLDER)).doesNotExist();
  }
}
