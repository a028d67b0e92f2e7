package dev.weir.command;

import java.util.Map;

/**
 * Where the {@code weir} main program runs when it must not end the JVM itself: a Databricks JAR
 * task, for example, fails when its main method calls {@code System.exit}. Found with {@link
 * java.util.ServiceLoader} ({@code META-INF/services/dev.weir.command.JobEnvironment}); the first
 * one that is {@link #active} decides how the program ends, else it exits with the command's code.
 */
public interface JobEnvironment {

  /**
   * @param env the process environment ({@link System#getenv()})
   * @return whether the program runs in this environment
   */
  boolean active(Map<String, String> env);

  /**
   * Ends the program in this environment instead of {@code System.exit}.
   *
   * @param exitCode the command's exit code ({@link ExitCodes})
   * @param errorOutput everything the command printed on its error output
   * @throws RuntimeException to fail the job, as the environment expects for a non-zero code
   */
  void finish(int exitCode, String errorOutput);
}
