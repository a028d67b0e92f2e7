package dev.weir.mlflow;

import dev.weir.config.ConfigException;
import dev.weir.params.ParameterBinder;
import dev.weir.params.ParameterBindingException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code mlflow*.yml} configuration as written, bound by core's {@link ParameterBinder} (YAML's
 * {@code snake_case} keys bind these components), so an unknown key or a value of the wrong kind is
 * refused with the binder's message ("Did you mean: ...?"). A spec only: {@link
 * MlflowSettings#fromConfig} checks and completes it. Every component may be absent ({@code null}).
 *
 * @param enabled whether runs are tracked ({@code true} when absent)
 * @param trackingUri the tracking URI as written
 * @param experiment the experiment name, or kedro-mlflow's {@code {name: ...}} mapping
 * @param runName the MLflow run name
 * @param tags extra tags for every run
 * @param params how parameters are logged
 * @param disableForPipelines one pipeline name or a list of them
 * @param timeoutSeconds the longest one call to a tracking server may take, in seconds
 * @param credentials the name of a {@code credentials*.yml} block
 */
public record MlflowConfig(
    @Nullable Boolean enabled,
    @Nullable String trackingUri,
    @Nullable Object experiment,
    @Nullable String runName,
    @Nullable Map<String, @Nullable Object> tags,
    @Nullable Params params,
    @Nullable Object disableForPipelines,
    @Nullable Double timeoutSeconds,
    @Nullable String credentials) {

  /**
   * The {@code params:} block.
   *
   * @param flatten whether nested parameters become one param per leaf ({@code true} when absent)
   * @param longValueStrategy what to do with values over 6,000 characters ({@code truncate} when
   *     absent)
   */
  public record Params(@Nullable Boolean flatten, @Nullable LongValueStrategy longValueStrategy) {}

  /**
   * @param yaml the merged {@code mlflow*} configuration
   * @return the bound spec
   * @throws ConfigException naming {@code mlflow.yml}, the key and the fix, for an unknown key (the
   *     closest known ones named) or a value of the wrong kind
   */
  static MlflowConfig bind(Map<String, Object> yaml) {
    try {
      Object bound = ParameterBinder.bind("mlflow", yaml, MlflowConfig.class);
      return bound == null ? bind(Map.of()) : (MlflowConfig) bound;
    } catch (ParameterBindingException e) {
      throw new ConfigException("MLflow settings (conf/<env>/mlflow.yml): " + e.getMessage(), e);
    }
  }
}
