package dev.weir.mlflow;

/**
 * The run's experiment exists in the store under the configured name but is deleted (lifecycle
 * stage {@code deleted}). MLflow refuses both a new run in it ({@code runs/create}: 400, "must be
 * in the 'active' state", mlflow/store/tracking/sqlalchemy_store.py {@code
 * _check_experiment_is_active}) and a new experiment of that name ({@code experiments/create}: 400
 * RESOURCE_ALREADY_EXISTS), so tracking there cannot start until the user restores or renames it.
 */
final class DeletedExperimentException extends IllegalStateException {
  private static final long serialVersionUID = 1L;
  private final String experiment;
  private final String experimentId;

  /**
   * @param experiment the experiment name
   * @param experimentId its id in the store
   * @param store the store, for the message (a URI without credentials)
   */
  DeletedExperimentException(String experiment, String experimentId, String store) {
    super(
        "The MLflow experiment '"
            + experiment
            + "' exists in "
            + store
            + " but is deleted. Restore it (mlflow experiments restore --experiment-id "
            + experimentId
            + ") or pick another name with 'experiment:' in conf/<env>/mlflow.yml");
    this.experiment = experiment;
    this.experimentId = experimentId;
  }

  /**
   * @return the experiment name
   */
  String experiment() {
    return experiment;
  }

  /**
   * @return the deleted experiment's id
   */
  String experimentId() {
    return experimentId;
  }
}
