package dev.weir.cli;

import java.util.List;

/**
 * Chooses the command line's log levels before anything logs. Weir ships its configuration under
 * its own name ({@code dev/weir/cli/weir-log4j2.properties}) so that it never applies to
 * applications that merely depend on weir-runners; it is selected only when neither {@code
 * log4j2.configurationFile} nor a project's own {@code log4j2.*} file is present. Levels come in
 * through system properties the file reads: other libraries at WARN; Spark, Hadoop and Delta at
 * ERROR, their executor and task loggers (which repeat a failed task's error) off, and no stack
 * trace from any logger; Weir at INFO. With {@code --verbose} every library at INFO with stack
 * traces and Weir at DEBUG. On a terminal the per-node runner lines give way to the progress bar.
 */
final class CliLogging {
  private static final String CONFIG = "log4j2.configurationFile";
  private static final List<String> PROJECT_CONFIGS =
      List.of(
          "log4j2.properties",
          "log4j2.xml",
          "log4j2.yaml",
          "log4j2.yml",
          "log4j2.json",
          "log4j2.jsn");

  private CliLogging() {}

  static void configure(boolean verbose, boolean terminal) {
    setIfAbsent("weir.log.root", verbose ? "INFO" : "WARN");
    setIfAbsent("weir.log.weir", verbose ? "DEBUG" : "INFO");
    setIfAbsent("weir.log.runner", verbose ? "DEBUG" : terminal ? "WARN" : "INFO");
    setIfAbsent("weir.log.spark", verbose ? "INFO" : "ERROR");
    setIfAbsent("weir.log.tasks", verbose ? "INFO" : "OFF");
    setIfAbsent("weir.log.stack", verbose ? "full" : "none");
    if (System.getProperty(CONFIG) != null || hasProjectConfig()) {
      return;
    }
    System.setProperty(CONFIG, "classpath:dev/weir/cli/weir-log4j2.properties");
  }

  private static boolean hasProjectConfig() {
    ClassLoader loader = CliLogging.class.getClassLoader();
    for (String name : PROJECT_CONFIGS) {
      if (loader.getResource(name) != null) {
        return true;
      }
    }
    return false;
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
