package dev.weir.config;

import java.util.Map;

/**
 * Parses {@code --params} values as Kedro does: {@code k=v,k2.sub=v2}; dotted keys nest; values are
 * typed as YAML scalars ({@code 0.3} is a Double, {@code true} a Boolean, {@code 3} an Integer).
 */
public final class RuntimeParams {
  private RuntimeParams() {}

  /**
   * @param text {@code key=value} pairs separated by commas
   * @return nested values
   * @throws ConfigException on a pair without {@code =} or an empty key, quoting the pair
   */
  public static Map<String, Object> parse(String text) {
    throw new UnsupportedOperationException("TODO");
  }
}
