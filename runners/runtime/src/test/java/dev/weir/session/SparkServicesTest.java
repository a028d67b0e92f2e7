package dev.weir.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkServicesTest {
  @TempDir Path dir;

  @Test
  void localMastersKeepExecutorsInThisJvmAndEveryOtherIsACluster() {
    assertThat(SparkServices.isCluster("local")).isFalse();
    assertThat(SparkServices.isCluster("local[*]")).isFalse();
    assertThat(SparkServices.isCluster("local[2,3]")).isFalse();
    assertThat(SparkServices.isCluster("spark://127.0.0.1:7077")).isTrue();
    assertThat(SparkServices.isCluster("k8s://https://kubernetes.default:443")).isTrue();
    assertThat(SparkServices.isCluster("yarn")).isTrue();
    assertThat(SparkServices.isCluster("local-cluster[2,1,1024]")).isTrue();
  }

  @Test
  void theApplicationJarIsAppendedToTheConfiguredJars() {
    Path jar = dir.resolve("app.jar");
    String uri = jar.toUri().toString();
    assertThat(SparkServices.withJar(null, jar)).isEqualTo(uri);
    assertThat(SparkServices.withJar(" ", jar)).isEqualTo(uri);
    assertThat(SparkServices.withJar("file:/opt/lib/extra.jar", jar))
        .isEqualTo("file:/opt/lib/extra.jar," + uri);
  }

  @Test
  void aMasterTogetherWithAConnectUrlIsRefusedBeforeAnythingStarts() {
    assertThatThrownBy(
            () ->
                SparkServices.resolve(
                    null,
                    "sc://127.0.0.1:1",
                    "spark://127.0.0.1:7077",
                    Map.of(),
                    dir,
                    () -> {
                      throw new AssertionError("the application JAR is not needed");
                    }))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--spark-master spark://127.0.0.1:7077")
        .hasMessageContaining("sc://127.0.0.1:1");
  }

  @Test
  void classesLoadedFromADirectoryArePackedIntoOneJar() throws Exception {
    Optional<Path> jar = ApplicationJar.of(SparkServicesTest.class);

    assertThat(jar).isPresent();
    assertThat(jar.get()).isRegularFile().hasExtension("jar");
    try (JarFile opened = new JarFile(jar.get().toFile())) {
      assertThat(opened.getEntry("dev/weir/session/SparkServicesTest.class")).isNotNull();
    }
    assertThat(ApplicationJar.of(SparkServicesTest.class)).contains(jar.get());
  }

  @Test
  void classesLoadedFromAJarUseThatJar() throws Exception {
    Optional<Path> jar = ApplicationJar.of(org.slf4j.Logger.class);

    assertThat(jar).isPresent();
    assertThat(jar.get().getFileName().toString()).startsWith("slf4j-api").endsWith(".jar");
    assertThat(Files.isRegularFile(jar.get())).isTrue();
  }

  @Test
  void jdkClassesHaveNoJar() {
    assertThat(ApplicationJar.of(String.class)).isEmpty();
  }
}
