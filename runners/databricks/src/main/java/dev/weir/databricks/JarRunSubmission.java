package dev.weir.databricks;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.compute.ClusterSpec;
import com.databricks.sdk.service.compute.DataSecurityMode;
import com.databricks.sdk.service.compute.Environment;
import com.databricks.sdk.service.compute.Library;
import com.databricks.sdk.service.files.UploadRequest;
import com.databricks.sdk.service.jobs.JobEnvironment;
import com.databricks.sdk.service.jobs.Run;
import com.databricks.sdk.service.jobs.RunLifeCycleState;
import com.databricks.sdk.service.jobs.RunOutput;
import com.databricks.sdk.service.jobs.RunResultState;
import com.databricks.sdk.service.jobs.RunTask;
import com.databricks.sdk.service.jobs.SparkJarTask;
import com.databricks.sdk.service.jobs.SubmitRun;
import com.databricks.sdk.service.jobs.SubmitRunResponse;
import com.databricks.sdk.service.jobs.SubmitTask;
import com.databricks.sdk.support.Wait;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Runs the job JAR once on Databricks with the Databricks SDK for Java: uploads the JAR to a Unity
 * Catalog volume (Files API {@code PUT /api/2.0/fs/files/Volumes/...}), submits a one-time run with
 * one {@code spark_jar_task} ({@code jobs/runs/submit}), waits with the SDK's {@code Wait} (which
 * polls {@code jobs/runs/get}) until it terminates or the timeout passes, and on failure reads each
 * failed task's error ({@code jobs/runs/get-output}). The SDK's own client retries 429 and 503
 * answers (honouring {@code Retry-After}).
 */
public final class JarRunSubmission {
  /** The task key of the submitted run. */
  public static final String TASK_KEY = "weir";

  private JarRunSubmission() {}

  /** Where the task runs. */
  public sealed interface Compute {}

  /**
   * An all-purpose cluster that is already running.
   *
   * @param clusterId its id
   */
  public record ExistingCluster(String clusterId) implements Compute {}

  /**
   * A new job cluster for this run, Databricks Runtime {@value BundleSettings#SPARK_VERSION}.
   *
   * @param nodeTypeId the node type, e.g. {@code m5d.large}
   * @param workers the number of workers
   */
  public record NewCluster(String nodeTypeId, long workers) implements Compute {}

  /** Serverless compute: the JAR is a {@code java_dependencies} entry of the run's environment. */
  public record Serverless() implements Compute {}

  /**
   * What to run.
   *
   * @param jar the local job JAR
   * @param volumeDir a Unity Catalog volume folder, {@code
   *     /Volumes/<catalog>/<schema>/<volume>/...}
   * @param parameters the task's {@code parameters} (the {@code weir} arguments)
   * @param compute where it runs
   * @param runName the run's name in the Jobs UI
   */
  public record Request(
      Path jar, String volumeDir, List<String> parameters, Compute compute, String runName) {
    /** Copies the parameters. */
    public Request {
      parameters = List.copyOf(parameters);
    }
  }

  /**
   * How the run ended, as far as this client saw it.
   *
   * @param runId the run id
   * @param runPageUrl the run's page in the workspace, or null if the server gave none
   * @param lifeCycleState the last life-cycle state seen
   * @param resultState the result, or null if the run had not terminated (timeout)
   * @param stateMessage the run's state message, or empty
   * @param taskErrors one line per failed task: {@code task_key: error}, then its trace
   * @param timedOut whether polling stopped at the timeout
   */
  public record Outcome(
      long runId,
      @Nullable String runPageUrl,
      @Nullable RunLifeCycleState lifeCycleState,
      @Nullable RunResultState resultState,
      String stateMessage,
      List<String> taskErrors,
      boolean timedOut) {
    /** Copies the errors. */
    public Outcome {
      taskErrors = List.copyOf(taskErrors);
    }

    /**
     * @return whether the run terminated with {@code SUCCESS}
     */
    public boolean succeeded() {
      return resultState == RunResultState.SUCCESS;
    }
  }

  /**
   * Uploads the JAR, submits the run and waits for it with the SDK's own {@link Wait} ({@code
   * jobs().submit(...)} returns one; it polls {@code runs/get} with a growing interval of 1 to 10
   * seconds plus jitter, as every Databricks SDK does), printing each new life-cycle state.
   *
   * @param workspace the SDK client
   * @param request what to run
   * @param timeout the longest to wait for the run to terminate
   * @param progress where progress lines go
   * @return the outcome; {@link Outcome#timedOut()} when the run had not terminated in time
   * @throws IOException when the JAR cannot be read
   */
  public static Outcome submit(
      WorkspaceClient workspace, Request request, Duration timeout, PrintWriter progress)
      throws IOException {
    String jarPath = request.volumeDir().replaceAll("/+$", "") + "/" + request.jar().getFileName();
    progress.println("Uploading " + request.jar().getFileName() + " to " + jarPath + " ...");
    progress.flush();
    try (InputStream in = Files.newInputStream(request.jar())) {
      workspace
          .files()
          .upload(new UploadRequest().setFilePath(jarPath).setContents(in).setOverwrite(true));
    }
    Wait<Run, SubmitRunResponse> wait = workspace.jobs().submit(submitRun(request, jarPath));
    long runId = wait.getResponse().getRunId();
    Run submitted = workspace.jobs().getRun(runId);
    progress.println("Submitted run " + runId + ": " + submitted.getRunPageUrl());
    progress.flush();
    StateLines lines = new StateLines(runId, progress);
    lines.accept(submitted);
    try {
      Run terminated = wait.onProgress(lines).get(timeout);
      lines.accept(terminated); // the SDK reports progress only while the run is not final
      return finished(workspace, terminated, runId);
    } catch (TimeoutException e) {
      Run last = workspace.jobs().getRun(runId);
      return new Outcome(
          runId, last.getRunPageUrl(), lifeCycle(last), null, message(last), List.of(), true);
    } catch (IllegalStateException e) {
      // The SDK's Wait ends a run in INTERNAL_ERROR this way: report it like any finished run.
      return finished(workspace, workspace.jobs().getRun(runId), runId);
    }
  }

  /** Prints a line each time the run's life-cycle state changes. */
  private static final class StateLines implements Consumer<Run> {
    private final long runId;
    private final PrintWriter progress;
    private @Nullable RunLifeCycleState last;

    StateLines(long runId, PrintWriter progress) {
      this.runId = runId;
      this.progress = progress;
    }

    @Override
    public void accept(Run run) {
      RunLifeCycleState state = lifeCycle(run);
      if (state != last) {
        progress.println("Run " + runId + ": " + state + taskStates(run));
        progress.flush();
        last = state;
      }
    }
  }

  private static @Nullable RunLifeCycleState lifeCycle(Run run) {
    return run.getState() == null ? null : run.getState().getLifeCycleState();
  }

  private static Outcome finished(WorkspaceClient workspace, Run run, long runId) {
    RunResultState result = run.getState().getResultState();
    List<String> errors = new ArrayList<>();
    if (result != RunResultState.SUCCESS && run.getTasks() != null) {
      for (RunTask task : run.getTasks()) {
        RunResultState taskResult =
            task.getState() == null ? null : task.getState().getResultState();
        if (taskResult == RunResultState.SUCCESS || task.getRunId() == null) {
          continue;
        }
        RunOutput output = workspace.jobs().getRunOutput(task.getRunId());
        String error = output.getError() == null ? String.valueOf(taskResult) : output.getError();
        errors.add(task.getTaskKey() + ": " + error);
        if (output.getErrorTrace() != null && !output.getErrorTrace().isBlank()) {
          errors.add(output.getErrorTrace().strip());
        }
      }
    }
    return new Outcome(
        runId,
        run.getRunPageUrl(),
        run.getState().getLifeCycleState(),
        result,
        message(run),
        errors,
        false);
  }

  private static String message(Run run) {
    String m = run.getState() == null ? null : run.getState().getStateMessage();
    return m == null ? "" : m;
  }

  private static String taskStates(Run run) {
    if (run.getTasks() == null || run.getTasks().isEmpty()) {
      return "";
    }
    List<String> states = new ArrayList<>();
    for (RunTask task : run.getTasks()) {
      states.add(
          task.getTaskKey()
              + " "
              + (task.getState() == null ? "?" : task.getState().getLifeCycleState()));
    }
    return " (" + String.join(", ", states) + ")";
  }

  static SubmitRun submitRun(Request request, String jarPath) {
    SubmitTask task =
        new SubmitTask()
            .setTaskKey(TASK_KEY)
            .setSparkJarTask(
                new SparkJarTask()
                    .setMainClassName(BundleSettings.MAIN_CLASS)
                    .setParameters(request.parameters()));
    SubmitRun run = new SubmitRun().setRunName(request.runName());
    if (request.compute() instanceof ExistingCluster existing) {
      task.setExistingClusterId(existing.clusterId())
          .setLibraries(List.of(new Library().setJar(jarPath)));
    } else if (request.compute() instanceof NewCluster cluster) {
      task.setNewCluster(
              new ClusterSpec()
                  .setSparkVersion(BundleSettings.SPARK_VERSION)
                  .setNodeTypeId(cluster.nodeTypeId())
                  .setNumWorkers(cluster.workers())
                  .setDataSecurityMode(DataSecurityMode.DATA_SECURITY_MODE_DEDICATED))
          .setLibraries(List.of(new Library().setJar(jarPath)));
    } else {
      task.setEnvironmentKey(BundleGenerator.COMPUTE_KEY);
      run.setEnvironments(
          List.of(
              new JobEnvironment()
                  .setEnvironmentKey(BundleGenerator.COMPUTE_KEY)
                  .setSpec(
                      new Environment()
                          .setEnvironmentVersion(BundleSettings.SERVERLESS_ENVIRONMENT_VERSION)
                          .setJavaDependencies(List.of(jarPath)))));
    }
    return run.setTasks(List.of(task));
  }
}
