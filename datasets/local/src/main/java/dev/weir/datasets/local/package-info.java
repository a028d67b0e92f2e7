/**
 * Local file datasets without Spark: JSON ({@code json.JSONDataset}), YAML ({@code
 * yaml.YAMLDataset}), text ({@code text.TextDataset}) and bytes ({@code binary.BinaryDataset}), all
 * versionable as Kedro's.
 */
@NullMarked
package dev.weir.datasets.local;

import org.jspecify.annotations.NullMarked;
