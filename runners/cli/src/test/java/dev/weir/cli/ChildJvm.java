package dev.weir.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code weir} as a user starts it: {@link Main#main} in a child JVM with this test JVM's class
 * path and Spark's {@code --add-opens} flags (not {@code --add-modules=jdk.incubator.vector}, as
 * the starter's launcher), its output captured in files.
 */
final class ChildJvm {
  private final Process process;
  private final Path out;
  private final Path err;

  private ChildJvm(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  static ChildJvm start(Path workDir, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx768m");
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-opens")
          || arg.startsWith("-Dio.netty")
          || arg.startsWith("-Djdk.reflect")
          || arg.startsWith("--enable-native-access")
          || arg.equals("-XX:+IgnoreUnrecognizedVMOptions")) {
        command.add(arg);
      }
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    Path out = workDir.resolve("child-out.txt");
    Path err = workDir.resolve("child-err.txt");
    Process process =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    return new ChildJvm(process, out, err);
  }

  /** Waits until standard error contains {@code text}, or the timeout passes. */
  boolean awaitErr(String text, long seconds) throws IOException, InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < end && process.isAlive()) {
      if (err().contains(text)) {
        return true;
      }
      Thread.sleep(200);
    }
    return err().contains(text);
  }

  /** Sends SIGTERM ({@link Process#destroy()} on Linux). */
  void terminate() {
    process.destroy();
  }

  int waitFor(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the child JVM did not end within " + seconds + " s");
    }
    return process.exitValue();
  }

  String out() throws IOException {
    return Files.readString(out);
  }

  String err() throws IOException {
    return Files.readString(err);
  }

  void kill() {
    process.destroyForcibly();
  }
}
