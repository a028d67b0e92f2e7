package dev.weir.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.node.Node;
import dev.weir.pipeline.Pipeline;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Building SQL nodes from {@code .sql} files and folders; no Spark. */
class SqlPipelinesTest {
  @TempDir Path dir;

  private static final String RATED =
      "-- weir: inputs=companies, params:min_rating\n"
          + "-- weir: output=rated\n"
          + "-- weir: tags=reporting, sql\n"
          + "SELECT * FROM companies WHERE company_rating > :min_rating\n";

  @Test
  void aFolderOfSqlFilesIsAPipelineWithOneNodePerFile() throws IOException {
    Files.writeString(dir.resolve("rated.sql"), RATED);
    Files.writeString(
        dir.resolve("top.sql"),
        "-- weir: inputs=rated\n-- weir: output=top\n-- weir: name=top_node\nSELECT * FROM rated");

    Pipeline pipeline = SqlPipelines.fromDirectory(dir);

    assertThat(pipeline.nodes()).extracting(Node::name).containsExactly("rated", "top_node");
    Node rated = pipeline.node("rated").orElseThrow();
    assertThat(rated.inputs()).containsExactly("companies", "params:min_rating");
    assertThat(rated.outputs()).containsExactly("rated");
    assertThat(rated.tags()).containsExactly("reporting", "sql");
    SqlNodeFunction fn = SqlNodes.sqlFunction(rated).orElseThrow();
    assertThat(fn.viewNames()).containsExactly("companies");
    assertThat(fn.parameterNames()).containsExactly("min_rating");
    assertThat(fn.source().location()).endsWith("rated.sql");
  }

  @Test
  void resourcesAreReadFromDirectoriesOnTheClassPath() {
    Pipeline pipeline = SqlPipelines.fromResources("sql/reporting");

    assertThat(pipeline.nodes())
        .extracting(Node::name)
        .containsExactly("rated_companies", "shuttle_capacity");
    assertThat(pipeline.inputs())
        .containsExactlyInAnyOrder("companies", "params:min_rating", "shuttles@spark");
  }

  @Test
  void resourcesAreReadFromJars() throws IOException {
    Path jar = dir.resolve("project.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      put(out, "sql/", null);
      put(out, "sql/jobs/", null);
      put(out, "sql/jobs/rated.sql", RATED);
      put(out, "sql/jobs/notes.txt", "not a node");
      put(out, "sql/other/ignored.sql", RATED);
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      Pipeline pipeline = SqlPipelines.fromResources("sql/jobs", loader);

      assertThat(pipeline.nodes()).extracting(Node::name).containsExactly("rated");
      assertThat(SqlNodes.sqlFunction(pipeline.nodes().get(0)).orElseThrow().source().location())
          .isEqualTo("sql/jobs/rated.sql");
    }
  }

  private static void put(JarOutputStream out, String name, @Nullable String text)
      throws IOException {
    out.putNextEntry(new JarEntry(name));
    if (text != null) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    out.closeEntry();
  }

  @Test
  void headerMistakesNameTheFileAndLine() throws IOException {
    Path unknownKey = dir.resolve("a.sql");
    Files.writeString(unknownKey, "-- weir: output=x\n-- weir: input=companies\nSELECT 1");
    assertThatThrownBy(() -> SqlPipelines.fromDirectory(dir))
        .isInstanceOf(SqlNodeException.class)
        .hasMessageContaining("a.sql:2")
        .hasMessageContaining("unknown key 'input'")
        .hasMessageContaining("Did you mean: inputs, output?");

    Files.writeString(unknownKey, "-- weir: inputs=companies\nSELECT * FROM companies");
    assertThatThrownBy(() -> SqlPipelines.fromDirectory(dir))
        .hasMessageContaining("a.sql:1")
        .hasMessageContaining("declares no output");

    Files.writeString(unknownKey, "-- weir: output=x\nSELECT 1\n-- weir: tags=late\n");
    assertThatThrownBy(() -> SqlPipelines.fromDirectory(dir))
        .hasMessageContaining("a.sql:3")
        .hasMessageContaining("top of the file");
  }

  @Test
  void aMissingOrEmptyFolderIsAnError() {
    assertThatThrownBy(() -> SqlPipelines.fromResources("sql/nowhere"))
        .isInstanceOf(SqlNodeException.class)
        .hasMessageContaining("sql/nowhere");
    assertThatThrownBy(() -> SqlPipelines.fromDirectory(dir))
        .isInstanceOf(SqlNodeException.class)
        .hasMessageContaining("no .sql file");
  }

  @Test
  void inputsThatWouldShareAViewNameOrTakeAllParametersAreRejected() {
    assertThatThrownBy(
            () -> SqlNode.sql("SELECT 1").inputs("x@spark", "x@delta").output("y").build())
        .isInstanceOf(SqlNodeException.class)
        .hasMessageContaining("'x@spark' and 'x@delta'");
    assertThatThrownBy(() -> SqlNode.sql("SELECT 1").inputs("parameters").output("y").build())
        .isInstanceOf(SqlNodeException.class)
        .hasMessageContaining("params:<name>");
  }

  @Test
  void nestedParametersAreBoundWithUnderscores() {
    Node node =
        SqlNode.sql("SELECT :model_options_test_size AS t")
            .inputs("params:model_options.test_size")
            .output("t")
            .build();

    assertThat(SqlNodes.sqlFunction(node).orElseThrow().parameterNames())
        .isEqualTo(List.of("model_options_test_size"));
  }
}
