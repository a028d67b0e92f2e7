package dev.weir.spaceflights.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the README promises about the built job JAR, read from the file itself: the libraries a
 * Databricks cluster has are left out, the project's configuration is inside, and the Weir command
 * line is its main class.
 */
@Tag(JobJar.TAG)
class JobJarContentsTest {
  private static JarFile jar;
  private static List<String> entries;

  @BeforeAll
  static void openTheJar() throws IOException {
    jar = new JarFile(JobJar.jar().toFile());
    entries = Collections.list(jar.entries()).stream().map(JarEntry::getName).toList();
  }

  @AfterAll
  static void closeTheJar() throws IOException {
    if (jar != null) {
      jar.close();
    }
  }

  @Test
  void leavesOutWhatTheClusterProvides() {
    // Guards the check itself: an empty listing would pass the exclusions below.
    assertThat(entries).contains("dev/weir/cli/Main.class");
    assertThat(entries)
        .noneMatch(e -> e.startsWith("org/apache/spark/"))
        .noneMatch(e -> e.startsWith("io/delta/"))
        .noneMatch(e -> e.startsWith("org/apache/hadoop/"))
        .noneMatch(e -> e.startsWith("scala/"));
  }

  @Test
  void carriesTheProjectConfigurationButNoCredentials() {
    assertThat(entries).contains("conf/base/catalog.yml");
    assertThat(entries).noneMatch(e -> e.startsWith("conf/") && e.contains("credentials"));
  }

  @Test
  void runsTheWeirCommandLine() throws IOException {
    assertThat(jar.getManifest()).isNotNull();
    assertThat(jar.getManifest().getMainAttributes().getValue(Attributes.Name.MAIN_CLASS))
        .isEqualTo("dev.weir.cli.Main");
  }
}
