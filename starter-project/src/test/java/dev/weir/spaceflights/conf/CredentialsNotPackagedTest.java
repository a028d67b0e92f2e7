package dev.weir.spaceflights.conf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The job JAR never carries credentials: every file the configuration loader reads as credentials,
 * in any environment, is matched by an exclude of the {@code conf} resource in the starter's {@code
 * pom.xml}; and no credentials file of the project is tracked, only the template. The loader itself
 * decides which files are credentials: the test writes credential files of every shape into a
 * temporary {@code conf/} and asks {@link ConfigLoader#sources} where each block came from.
 */
class CredentialsNotPackagedTest {
  private static final List<String> SHAPES =
      List.of(
          "credentials.yml",
          "credentials.yaml",
          "credentials_aws.yml",
          "credentials-db.yaml",
          "credentials/warehouse.yml",
          "nested/credentials.yml");

  @TempDir Path dir;

  @Test
  void everyFileTheLoaderReadsAsCredentialsIsExcludedFromTheJar() throws Exception {
    List<String> excludes = confResourceExcludes(Path.of("pom.xml"));
    Path conf = dir.resolve("conf");
    writeCredentials(conf.resolve("base"));
    Set<String> read = new TreeSet<>();
    for (String env : List.of("local", "prod", "staging")) {
      writeCredentials(conf.resolve(env));
      Map<String, String> sources = ConfigLoader.load(conf, env, Map.of()).sources("credentials");
      for (String source : sources.values()) {
        read.add(relative(conf, source));
      }
    }

    // Guards the check: the loader really read every shape, in base and in each environment.
    assertThat(read).contains("base/credentials/warehouse.yml", "staging/nested/credentials.yml");
    assertThat(read).hasSize(SHAPES.size() * 4);
    for (String path : read) {
      assertThat(excludes).as(path).anyMatch(pattern -> antMatches(pattern, path));
    }
    assertThat(excludes)
        .as("the committed template")
        .anyMatch(pattern -> antMatches(pattern, "local/credentials.yml.template"));
    assertThat(excludes)
        .as("the rest of the configuration is packaged")
        .noneMatch(pattern -> antMatches(pattern, "base/catalog.yml"));
  }

  @Test
  void theProjectTracksNoCredentialsFileOnlyTheTemplate() throws Exception {
    assertThat(Path.of("conf/local/credentials.yml.template")).exists();
    String ignored = Files.readString(Path.of(".gitignore"));
    assertThat(ignored).contains("/conf/**/credentials*\n");
    String localIgnored = Files.readString(Path.of("conf/local/.gitignore"));
    assertThat(localIgnored).doesNotContain("!credentials.yml\n");
  }

  private static void writeCredentials(Path envDir) throws Exception {
    for (String shape : SHAPES) {
      Path file = envDir.resolve(shape);
      Files.createDirectories(file.getParent());
      String block = (envDir.getFileName() + "_" + shape).replaceAll("[^A-Za-z0-9]", "_");
      Files.writeString(file, block + ":\n  token: x\n");
    }
  }

  private static String relative(Path conf, String source) {
    Path p = Path.of(source);
    if (p.isAbsolute()) {
      return conf.toAbsolutePath().relativize(p.toAbsolutePath()).toString().replace('\\', '/');
    }
    return source.replace('\\', '/');
  }

  private static List<String> confResourceExcludes(Path pom) throws Exception {
    var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    NodeList resources = document.getElementsByTagName("resource");
    for (int i = 0; i < resources.getLength(); i++) {
      Element resource = (Element) resources.item(i);
      if (text(resource, "directory").equals("conf")) {
        List<String> excludes = new ArrayList<>();
        NodeList nodes = resource.getElementsByTagName("exclude");
        for (int j = 0; j < nodes.getLength(); j++) {
          excludes.add(nodes.item(j).getTextContent().trim());
        }
        return excludes;
      }
    }
    throw new AssertionError("pom.xml has no <resource> with <directory>conf</directory>");
  }

  private static String text(Element parent, String tag) {
    NodeList nodes = parent.getElementsByTagName(tag);
    return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
  }

  /** Maven's (Ant's) include and exclude patterns: {@code **} any folders, {@code *} in a name. */
  static boolean antMatches(String pattern, String path) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (pattern.startsWith("**/", i)) {
        regex.append("(?:.*/)?");
        i += 2;
      } else if (pattern.startsWith("/**", i) && i + 3 == pattern.length()) {
        regex.append("(?:/.*)?");
        i += 2;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return path.matches(regex.toString());
  }
}
