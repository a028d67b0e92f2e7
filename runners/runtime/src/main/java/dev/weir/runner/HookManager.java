package dev.weir.runner;

import dev.weir.hooks.CatalogCreatedEvent;
import dev.weir.hooks.DatasetLoadEvent;
import dev.weir.hooks.DatasetLoadedEvent;
import dev.weir.hooks.DatasetSaveEvent;
import dev.weir.hooks.DatasetSavedEvent;
import dev.weir.hooks.ExpectationsCheckedEvent;
import dev.weir.hooks.Hook;
import dev.weir.hooks.NodeCompletedEvent;
import dev.weir.hooks.NodeErrorEvent;
import dev.weir.hooks.NodeRunEvent;
import dev.weir.hooks.PipelineErrorEvent;
import dev.weir.hooks.PipelineRunEvent;
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
  private static final HookManager EMPTY = new HookManager(List.of(), RunProfile.off());

  private final List<Hook> hooks;
  private final RunProfile profile;

  private HookManager(List<Hook> hooks, RunProfile profile) {
    this.hooks = List.copyOf(hooks);
    this.profile = profile;
  }

  /**
   * @param hooks the hooks, called in this order
   * @return a manager
   */
  public static HookManager of(List<? extends Hook> hooks) {
    return new HookManager(List.copyOf(hooks), RunProfile.off());
  }

  /**
   * @param hooks the hooks, called in this order
   * @return a manager
   */
  public static HookManager of(Hook... hooks) {
    return new HookManager(List.of(hooks), RunProfile.off());
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
    return new HookManager(all, profile);
  }

  /**
   * @param runProfile times every hook call (kind {@code hook}, named by the hook's class) and is
   *     handed to the runner through {@link #profile()}
   * @return a manager with the same hooks, timed
   */
  public HookManager profiled(RunProfile runProfile) {
    return new HookManager(hooks, runProfile);
  }

  /**
   * @return the run's profile; {@link RunProfile#off()} unless {@link #profiled} set one
   */
  public RunProfile profile() {
    return profile;
  }

  /**
   * @param event the run's catalog and parameters
   * @throws HookException when a hook fails (a {@link dev.weir.WeirException} passes unchanged)
   */
  public void afterCatalogCreated(CatalogCreatedEvent event) {
    call("afterCatalogCreated", h -> h.afterCatalogCreated(event));
  }

  /**
   * @param event the pipeline about to run
   * @throws HookException when a hook fails
   */
  public void beforePipelineRun(PipelineRunEvent event) {
    call("beforePipelineRun", h -> h.beforePipelineRun(event));
  }

  /**
   * @param event the pipeline that ran
   * @throws HookException when a hook fails
   */
  public void afterPipelineRun(PipelineRunEvent event) {
    call("afterPipelineRun", h -> h.afterPipelineRun(event));
  }

  /**
   * Calls every hook even when one fails; a hook's failure is added to the run's error as a
   * suppressed exception.
   *
   * @param event the failure and the pipeline
   */
  public void onPipelineError(PipelineErrorEvent event) {
    callAll("onPipelineError", event.error(), h -> h.onPipelineError(event));
  }

  /**
   * @param event the node about to run and its inputs
   * @return the inputs hooks replaced, by dataset name; empty when none did
   * @throws HookException when a hook fails
   */
  public Map<String, Object> beforeNodeRun(NodeRunEvent event) {
    Map<String, Object> replaced = new LinkedHashMap<>();
    call(
        "beforeNodeRun",
        h -> {
          @Nullable Map<String, Object> r = h.beforeNodeRun(event);
          if (r != null) {
            replaced.putAll(r);
          }
        });
    return replaced;
  }

  /**
   * @param event the node that ran and its outputs
   * @throws HookException when a hook fails
   */
  public void afterNodeRun(NodeCompletedEvent event) {
    call("afterNodeRun", h -> h.afterNodeRun(event));
  }

  /**
   * Calls every hook even when one fails; a hook's failure is added to the node's error as a
   * suppressed exception.
   *
   * @param event the failure and the node
   */
  public void onNodeError(NodeErrorEvent event) {
    callAll("onNodeError", event.error(), h -> h.onNodeError(event));
  }

  /**
   * @param event the dataset about to be loaded
   * @throws HookException when a hook fails
   */
  public void beforeDatasetLoaded(DatasetLoadEvent event) {
    call("beforeDatasetLoaded", h -> h.beforeDatasetLoaded(event));
  }

  /**
   * @param event the dataset and the data loaded
   * @throws HookException when a hook fails
   */
  public void afterDatasetLoaded(DatasetLoadedEvent event) {
    call("afterDatasetLoaded", h -> h.afterDatasetLoaded(event));
  }

  /**
   * @param event the dataset and the data about to be saved
   * @throws HookException when a hook fails
   */
  public void beforeDatasetSaved(DatasetSaveEvent event) {
    call("beforeDatasetSaved", h -> h.beforeDatasetSaved(event));
  }

  /**
   * @param event the dataset and the data saved
   * @throws HookException when a hook fails
   */
  public void afterDatasetSaved(DatasetSavedEvent event) {
    call("afterDatasetSaved", h -> h.afterDatasetSaved(event));
  }

  /**
   * @param event a dataset's expectation results
   */
  public void afterExpectationsChecked(ExpectationsCheckedEvent event) {
    call("afterExpectationsChecked", h -> h.afterExpectationsChecked(event));
  }

  private void call(String method, Consumer<Hook> invocation) {
    for (Hook hook : hooks) {
      try (RunProfile.Timer t = profile.time("hook", hook.getClass().getSimpleName())) {
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
      try (RunProfile.Timer t = profile.time("hook", hook.getClass().getSimpleName())) {
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
