package dev.weir.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.config.ConfigException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfSourcesTest {
  @TempDir Path dir;

  @Test
  void theProjectConfDirectoryComesFirst() throws Exception {
    Files.createDirectories(dir.resolve("conf/base"));

    assertThat(ConfSources.resolve(null, dir)).isEqualTo(dir.resolve("conf"));
    assertThat(ConfSources.resolve("elsewhere", dir)).isEqualTo(dir.resolve("elsewhere"));
  }

  @Test
  void aJobJarsPackagedConfIsReadFromTheJarsFileSystem() throws Exception {
    Path jar = dir.resolve("job.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      // Directory entries, as the maven-jar-plugin writes them.
      for (String d : new String[] {"conf/", "conf/base/", "conf/local/"}) {
        out.putNextEntry(new JarEntry(d));
        out.closeEntry();
      }
      put(out, "conf/base/catalog.yml", "companies:\n  type: MemoryDataset\n");
      put(out, "conf/local/parameters.yml", "a: 1\n");
    }
    Path emptyProject = Files.createDirectory(dir.resolve("project"));
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      Thread.currentThread().setContextClassLoader(loader);

      Path conf = ConfSources.resolve(null, emptyProject);

      assertThat(conf.getFileSystem().provider().getScheme()).isEqualTo("jar");
      assertThat(Files.readString(conf.resolve("base/catalog.yml"))).contains("companies");
      assertThat(
              ConfSources.resolve("classpath:conf", emptyProject).resolve("local/parameters.yml"))
          .exists();
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }

  @Test
  void aMissingPackagedConfIsAClearError() {
    assertThatThrownBy(() -> ConfSources.resolve("classpath:no_such_conf", dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("no_such_conf/base");
  }

  private static void put(JarOutputStream out, String name, String text) throws Exception {
    out.putNextEntry(new JarEntry(name));
    OutputStream s = out;
    s.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    out.closeEntry();
  }
}
