package dev.weir.node;

import java.io.Serializable;
import java.util.Map;

/**
 * A map-in / map-out node function: it receives every input keyed by argument name (the keys of a
 * node's input map, or the dataset names for list inputs) and returns outputs keyed by output key
 * (or dataset name).
 */
@FunctionalInterface
public interface NodeMapFunction extends Serializable {
  /**
   * @param inputs the loaded inputs by argument name
   * @return the outputs by output key; may be empty for a node without outputs
   * @throws Exception any failure; the runner reports it with the node's name and inputs
   */
  Map<String, Object> apply(Map<String, Object> inputs) throws Exception;
}
