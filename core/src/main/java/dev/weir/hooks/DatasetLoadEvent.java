package dev.weir.hooks;

import dev.weir.node.Node;

/**
 * A dataset is about to be loaded as a node's input (Kedro's {@code before_dataset_loaded}).
 *
 * @param datasetName the dataset
 * @param node the node that reads it
 */
public record DatasetLoadEvent(String datasetName, Node node) {}
