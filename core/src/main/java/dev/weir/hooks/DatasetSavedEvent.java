package dev.weir.hooks;

import dev.weir.node.Node;

/**
 * A node's output was saved (Kedro's {@code after_dataset_saved}).
 *
 * @param datasetName the dataset
 * @param data the data saved
 * @param node the node that wrote it
 */
public record DatasetSavedEvent(String datasetName, Object data, Node node) {}
