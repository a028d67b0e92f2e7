package dev.weir.hooks;

import dev.weir.io.DataCatalog;

/**
 * The run's catalog was created (Kedro's {@code after_catalog_created}); its datasets are not
 * created yet.
 *
 * @param catalog the run's catalog
 * @param run what the run was asked to do
 */
public record CatalogCreatedEvent(DataCatalog catalog, RunParams run) {}
