package dev.weir.runner;

import dev.weir.hooks.Hook;
import dev.weir.hooks.RunParams;
import dev.weir.io.DataCatalog;
import dev.weir.node.Node;
import dev.weir.pipeline.Pipeline;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls every registered {@link Hook} in registration order, as Kedro's pluggy hook manager does.
 *
 * <p>Failure policy (Kedro propagates hook errors): a hook that throws is logged at ERROR with its
 * class and method, and the failure propagates as a {@link HookException}, so it fails the node or
 * the run; later hooks for that call are not called. The two error callbacks ({@link
 * Hook#onNodeError} and {@link Hook#onPipelineError}) are the exception: every hook is still
 * called, and a hook's own failure is logged and attached to the original error as a suppressed
 * exception, so it never hides the error being reported.
 *
 * <p>Thread-safe as long as the hooks are: the parallel runner calls node and dataset hooks from
 * worker threads.
 */
public final class HookManager {
  private static final Logger LOG = LoggerFactory.getLogger(HookManager.class);
  private static final HookManager EMPTY = new HookManager(List.of());

  private final List<Hook> hooks;

  private HookManager(List<Hook> hooks) {
    this.hooks = List.copyOf(hooks);
  }

  /**
   * @param hooks the hooks, called in this order
   * @return a manager
   */
  public static HookManager of(List<? extends Hook> hooks) {
    return new HookManager(List.copyOf(hooks));
  }

  /**
   * @param hooks the hooks, called in this order
   * @return a manager
   */
  public static HookManager of(Hook... hooks) {
    return new HookManager(List.of(hooks));
  }

  /**
   * @return a manager without hooks
   */
  public static HookManager empty() {
    return EMPTY;
  }

  /**
   * @return the registered hooks, in call order
   */
  public List<Hook> hooks() {
    return hooks;
  }

  /**
   * @param extra hooks to call after these
   * @return a manager with both
   */
  public HookManager with(List<? extends Hook> extra) {
    List<Hook> all = new java.util.ArrayList<>(hooks);
    all.addAll(extra);
    return new HookManager(all);
  }

  /** See {@link Hook#afterCatalogCreated}. */
  public void afterCatalogCreated(DataCatalog catalog, RunParams run) {
    call("afterCatalogCreated", h -> h.afterCatalogCreated(catalog, run));
  }

  /** See {@link Hook#beforePipelineRun}. */
  public void beforePipelineRun(RunParams run, Pipeline pipeline, DataCatalog catalog) {
    call("beforePipelineRun", h -> h.beforePipelineRun(run, pipeline, catalog));
  }

  /** See {@link Hook#afterPipelineRun}. */
  public void afterPipelineRun(RunParams run, Pipeline pipeline, DataCatalog catalog) {
    call("afterPipelineRun", h -> h.afterPipelineRun(run, pipeline, catalog));
  }

  /**
   * See {@link Hook#onPipelineError}; a hook's own failure is added to {@code error} as suppressed.
   */
  public void onPipelineError(
      Throwable error, RunParams run, Pipeline pipeline, DataCatalog catalog) {
    callAll("onPipelineError", error, h -> h.onPipelineError(error, run, pipeline, catalog));
  }

  /**
   * See {@link Hook#beforeNodeRun}.
   *
   * @return the replacement inputs of every hook merged in hook order (a later hook wins on the
   *     same name); empty when no hook replaces anything
   */
  public Map<String, Object> beforeNodeRun(
      Node node, DataCatalog catalog, Map<String, Object> inputs, boolean isAsync, String runId) {
    Map<String, Object> replaced = new LinkedHashMap<>();
    call(
        "beforeNodeRun",
        h -> {
          @Nullable Map<String, Object> r = h.beforeNodeRun(node, catalog, inputs, isAsync, runId);
          if (r != null) {
            replaced.putAll(r);
          }
        });
    return replaced;
  }

  /** See {@link Hook#afterNodeRun}. */
  public void afterNodeRun(
      Node node,
      DataCatalog catalog,
      Map<String, Object> inputs,
      Map<String, Object> outputs,
      boolean isAsync,
      String runId) {
    call("afterNodeRun", h -> h.afterNodeRun(node, catalog, inputs, outputs, isAsync, runId));
  }

  /** See {@link Hook#onNodeError}; a hook's own failure is added to {@code error} as suppressed. */
  public void onNodeError(
      Throwable error,
      Node node,
      DataCatalog catalog,
      Map<String, Object> inputs,
      boolean isAsync,
      String runId) {
    callAll("onNodeError", error, h -> h.onNodeError(error, node, catalog, inputs, isAsync, runId));
  }

  /** See {@link Hook#beforeDatasetLoaded}. */
  public void beforeDatasetLoaded(String datasetName, Node node) {
    call("beforeDatasetLoaded", h -> h.beforeDatasetLoaded(datasetName, node));
  }

  /** See {@link Hook#afterDatasetLoaded}. */
  public void afterDatasetLoaded(String datasetName, Object data, Node node) {
    call("afterDatasetLoaded", h -> h.afterDatasetLoaded(datasetName, data, node));
  }

  /** See {@link Hook#beforeDatasetSaved}. */
  public void beforeDatasetSaved(String datasetName, Object data, Node node) {
    call("beforeDatasetSaved", h -> h.beforeDatasetSaved(datasetName, data, node));
  }

  /** See {@link Hook#afterDatasetSaved}. */
  public void afterDatasetSaved(String datasetName, Object data, Node node) {
    call("afterDatasetSaved", h -> h.afterDatasetSaved(datasetName, data, node));
  }

  private void call(String method, Consumer<Hook> invocation) {
    for (Hook hook : hooks) {
      try {
        invocation.accept(hook);
      } catch (dev.weir.WeirException e) {
        // A validation hook reporting a user problem (e.g. dev.weir.databricks.ClassicSparkHook):
        // its message already says what and how to fix; "fix the hook" would mislead.
        throw e;
      } catch (RuntimeException e) {
        LOG.error("Hook {} failed in {}: {}", hook.getClass().getName(), method, e.toString());
        throw new HookException(describe(hook, method, e), e);
      }
    }
  }

  private void callAll(String method, Throwable original, Consumer<Hook> invocation) {
    for (Hook hook : hooks) {
      try {
        invocation.accept(hook);
      } catch (RuntimeException e) {
        LOG.error(
            "Hook {} failed in {} while handling another error: {}",
            hook.getClass().getName(),
            method,
            e.toString());
        original.addSuppressed(new HookException(describe(hook, method, e), e));
      }
    }
  }

  private static String describe(Hook hook, String method, RuntimeException e) {
    return "Hook "
        + hook.getClass().getName()
        + " failed in "
        + method
        + ": "
        + e
        + ". Fix the hook, or remove it from META-INF/services/dev.weir.hooks.Hook or from the"
        + " hooks passed to the session.";
  }
}
