package dev.weir.hooks;

import dev.weir.node.Node;

/**
 * A dataset was loaded as a node's input (Kedro's {@code after_dataset_loaded}).
 *
 * @param datasetName the dataset
 * @param data the data loaded
 * @param node the node that reads it
 */
public record DatasetLoadedEvent(String datasetName, Object data, Node node) {}
