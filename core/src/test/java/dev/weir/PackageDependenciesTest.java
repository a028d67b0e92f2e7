package dev.weir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package rules of core, read from the sources (comments left out): the root package uses no
 * other Weir package, {@code node} does not use {@code pipeline}, and no two packages use each
 * other, directly or through others.
 */
class PackageDependenciesTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/weir");
  private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.weir\\.([a-z]+)\\.[A-Z]");
  private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

  private static Map<String, Set<String>> uses() throws IOException {
    Map<String, Set<String>> uses = new TreeMap<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Path dir = SOURCES.relativize(file.getParent());
        String from = dir.toString().isEmpty() ? "root" : dir.toString().replace('/', '.');
        String code = COMMENTS.matcher(Files.readString(file)).replaceAll("");
        Set<String> used = uses.computeIfAbsent(from, k -> new TreeSet<>());
        Matcher m = REFERENCE.matcher(code);
        while (m.find()) {
          if (!m.group(1).equals(from)) {
            used.add(m.group(1));
          }
        }
        if (code.contains("import dev.weir.") && from.equals("root")) {
          used.add("(a subpackage)");
        }
      }
    }
    return uses;
  }

  @Test
  void theScanSeesTheKnownDependencies() throws IOException {
    assertThat(uses().get("pipeline")).containsExactly("node");
    assertThat(uses().get("io")).contains("config");
  }

  @Test
  void theRootPackageUsesNoOtherWeirPackage() throws IOException {
    assertThat(uses().get("root")).isEmpty();
  }

  @Test
  void nodeDoesNotUsePipeline() throws IOException {
    assertThat(uses().get("node")).doesNotContain("pipeline");
  }

  @Test
  void noPackageCycles() throws IOException {
    Map<String, Set<String>> uses = uses();
    List<String> cycles = new ArrayList<>();
    for (String start : uses.keySet()) {
      if (reaches(uses, start, start, new HashSet<>())) {
        cycles.add(start);
      }
    }
    assertThat(cycles).as("packages on a cycle, given %s", uses).isEmpty();
  }

  private static boolean reaches(
      Map<String, Set<String>> uses, String from, String target, Set<String> seen) {
    for (String next : uses.getOrDefault(from, Set.of())) {
      if (next.equals(target) || (seen.add(next) && reaches(uses, next, target, seen))) {
        return true;
      }
    }
    return false;
  }
}
