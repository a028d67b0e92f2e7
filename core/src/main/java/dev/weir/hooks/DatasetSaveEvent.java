package dev.weir.hooks;

import dev.weir.node.Node;

/**
 * A node's output is about to be saved (Kedro's {@code before_dataset_saved}).
 *
 * @param datasetName the dataset
 * @param data the data to save
 * @param node the node that wrote it
 */
public record DatasetSaveEvent(String datasetName, Object data, Node node) {}
