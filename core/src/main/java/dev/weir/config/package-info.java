/**
 * Configuration as Kedro's {@code OmegaConfigLoader} reads it: {@code conf/base} + {@code
 * conf/<env>}, {@code ${...}} interpolation, runtime parameters, and {@link
 * dev.weir.config.SafeYaml}, the one hardened YAML parser. Depends only on the root package.
 */
@NullMarked
package dev.weir.config;

import org.jspecify.annotations.NullMarked;
