package dev.weir.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Databricks CLI's bundle schema ({@code bundle/schema/jsonschema.json} of databricks/cli),
 * read from {@code ../shared/schemas/databricks-bundle.schema.json} beside the repository (never
 * copied into it), and a check of generated bundle files against it. The YAML is parsed to JSON
 * with Jackson; the validator is networknt json-schema-validator, whose patterns are {@code
 * java.util.regex} (the schema's {@code \p{L}} classes work). Shared with the starter's tests
 * through this module's test-jar.
 */
public final class BundleSchema {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static Schema schema;

  private BundleSchema() {}

  /**
   * @return the schema file: {@code <repository root>/../shared/schemas/...}
   */
  public static Path file() {
    // The repository root: the outermost directory above the module that has a pom.xml.
    Path dir = Paths.get("").toAbsolutePath();
    for (Path up = dir; up != null; up = up.getParent()) {
      if (Files.isRegularFile(up.resolve("pom.xml"))) {
        dir = up;
      }
    }
    Path file =
        dir.resolveSibling("shared").resolve("schemas").resolve("databricks-bundle.schema.json");
    if (!Files.isRegularFile(file)) {
      throw new AssertionError(
          "The Databricks bundle schema is not at "
              + file
              + ". Tests read it from ../shared/schemas/databricks-bundle.schema.json beside the"
              + " repository (the databricks/cli bundle/schema/jsonschema.json); put it there.");
    }
    return file;
  }

  private static synchronized Schema schema() throws IOException {
    if (schema == null) {
      try (InputStream in = Files.newInputStream(file())) {
        schema =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
      }
    }
    return schema;
  }

  /**
   * @param yamlFile a bundle configuration file
   * @return the schema's complaints, each with its location
   */
  public static List<String> errors(Path yamlFile) throws IOException {
    JsonNode node = YAML.readTree(Files.readString(yamlFile));
    List<String> errors = new ArrayList<>();
    for (Error error : schema().validate(node)) {
      errors.add(yamlFile.getFileName() + ": " + error);
    }
    return errors;
  }

  /**
   * Validates {@code databricks.yml} and every {@code resources/*.yml} of a bundle directory.
   *
   * @param bundle the directory {@code weir bundle} wrote to
   */
  public static void assertValid(Path bundle) throws IOException {
    List<Path> files = new ArrayList<>(List.of(bundle.resolve("databricks.yml")));
    try (Stream<Path> resources = Files.list(bundle.resolve("resources"))) {
      resources.sorted().forEach(files::add);
    }
    List<String> errors = new ArrayList<>();
    for (Path file : files) {
      errors.addAll(errors(file));
    }
    assertThat(errors).as("schema errors of " + files).isEmpty();
  }
}
