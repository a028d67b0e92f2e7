package dev.weir.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The root README's module table names every module of the root pom (and the benchmarks), each with
 * the artifact its pom declares.
 */
class ModuleTableTest {
  private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| `([^`]+)` \\|.*$");
  private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

  @Test
  void everyModuleIsInTheReadmeWithItsArtifact() throws IOException {
    Path root = Path.of("../..").toAbsolutePath().normalize();
    Map<String, String> table = new LinkedHashMap<>();
    for (String line : Files.readAllLines(root.resolve("README.md"))) {
      Matcher m = ROW.matcher(line);
      if (m.matches()) {
        table.put(m.group(1), m.group(2));
      }
    }
    Matcher modules = MODULE.matcher(Files.readString(root.resolve("pom.xml")));
    int count = 0;
    while (modules.find()) {
      String module = modules.group(1);
      assertThat(table).as("README module table").containsKey(module);
      assertThat(table.get(module)).as(module).isEqualTo(artifactOf(root.resolve(module)));
      count++;
    }
    assertThat(count).isGreaterThan(10);
    for (String folder : table.keySet()) {
      assertThat(root.resolve(folder).resolve("pom.xml")).as(folder).exists();
      assertThat(table.get(folder)).as(folder).isEqualTo(artifactOf(root.resolve(folder)));
    }
  }

  private static String artifactOf(Path module) throws IOException {
    String pom = Files.readString(module.resolve("pom.xml"));
    Matcher parent = Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>").matcher(pom);
    if (parent.find()) {
      return parent.group(1);
    }
    Matcher first =
        Pattern.compile("</modelVersion>\\s*<groupId>[^<]+</groupId>\\s*<artifactId>([^<]+)<")
            .matcher(pom);
    assertThat(first.find()).as(module + "/pom.xml names its artifact").isTrue();
    return first.group(1);
  }
}
