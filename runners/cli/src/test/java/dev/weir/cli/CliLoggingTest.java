package dev.weir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The log levels the command line chooses before anything logs. */
class CliLoggingTest {
  private static final List<String> KEYS =
      List.of(
          "weir.log.root",
          "weir.log.weir",
          "weir.log.runner",
          "weir.log.spark",
          "weir.log.tasks",
          "weir.log.stack",
          "log4j2.configurationFile");
  private final Map<String, String> saved = new HashMap<>();

  @BeforeEach
  void clear() {
    for (String k : KEYS) {
      String v = System.getProperty(k);
      if (v != null) {
        saved.put(k, v);
      }
      System.clearProperty(k);
    }
  }

  @AfterEach
  void restore() {
    KEYS.forEach(System::clearProperty);
    saved.forEach(System::setProperty);
  }

  @Test
  void sparkAndOtherLibrariesLogAtWarnAndWeirAtInfo() {
    System.setProperty("log4j2.configurationFile", "classpath:mine.properties");
    CliLogging.configure(false, false);
    assertThat(System.getProperty("weir.log.root")).isEqualTo("WARN");
    assertThat(System.getProperty("weir.log.weir")).isEqualTo("INFO");
    assertThat(System.getProperty("weir.log.runner")).isEqualTo("INFO");
    assertThat(System.getProperty("weir.log.spark")).isEqualTo("ERROR");
    assertThat(System.getProperty("weir.log.tasks")).isEqualTo("OFF");
    assertThat(System.getProperty("weir.log.stack")).isEqualTo("none");
    assertThat(System.getProperty("log4j2.configurationFile"))
        .as("a configuration the user chose is kept")
        .isEqualTo("classpath:mine.properties");
  }

  @Test
  void onATerminalTheProgressBarReplacesThePerNodeLines() {
    CliLogging.configure(false, true);
    assertThat(System.getProperty("weir.log.runner")).isEqualTo("WARN");
    assertThat(System.getProperty("weir.log.root")).isEqualTo("WARN");
  }

  @Test
  void verboseRaisesEveryLevel() {
    CliLogging.configure(true, true);
    assertThat(System.getProperty("weir.log.root")).isEqualTo("INFO");
    assertThat(System.getProperty("weir.log.weir")).isEqualTo("DEBUG");
    assertThat(System.getProperty("weir.log.runner")).isEqualTo("DEBUG");
    assertThat(System.getProperty("weir.log.spark")).isEqualTo("INFO");
    assertThat(System.getProperty("weir.log.tasks")).isEqualTo("INFO");
    assertThat(System.getProperty("weir.log.stack")).isEqualTo("full");
  }

  @Test
  void levelsSetByTheUserWin() {
    System.setProperty("weir.log.root", "ERROR");
    CliLogging.configure(true, false);
    assertThat(System.getProperty("weir.log.root")).isEqualTo("ERROR");
  }
}
