package dev.weir.params;

import dev.weir.config.ConfigException;

/**
 * A parameter value does not fit the type a node function declares. The message names the parameter
 * ({@code params:model_options}), the field and the target type.
 */
public class ParameterBindingException extends ConfigException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message the parameter, field, target type and what was found
   */
  public ParameterBindingException(String message) {
    super(message);
  }
}
