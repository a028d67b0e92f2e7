package dev.weir.mlflow;

/**
 * What to do with a parameter value longer than MLflow's 6,000 characters ({@code
 * MAX_PARAM_VAL_LENGTH} in mlflow/utils/validation.py), as kedro-mlflow's {@code
 * long_params_strategy}. Set with {@code params: {long_value_strategy: ...}} in {@code mlflow.yml}.
 */
public enum LongValueStrategy {
  /** Log the first 6,000 characters (the default). */
  TRUNCATE,
  /** Log it as a tag instead (MLflow tag values hold up to 8,000 characters). */
  TAG,
  /** Fail the run before its first node, naming the parameter. */
  FAIL
}
