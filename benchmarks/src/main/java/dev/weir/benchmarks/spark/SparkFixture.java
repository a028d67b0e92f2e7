package dev.weir.benchmarks.spark;

import dev.weir.benchmarks.Projects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * What the Spark benchmarks share: one embedded session configured as the starter project's {@code
 * spark.yml} asks (local[2], Delta, UI off, 4 shuffle partitions, 2 Delta snapshot partitions,
 * UTC), the starter project's location, and temporary project directories holding a copy of its
 * {@code conf/} and {@code data/01_raw/}.
 */
final class SparkFixture {
  /** The starter's raw files, in {@code data/01_raw}. */
  static final List<String> RAW_FILES = List.of("companies.csv", "reviews.csv", "shuttles.xlsx");

  private SparkFixture() {}

  /**
   * @param warehouse the warehouse directory
   * @return the session, created once per benchmark JVM
   */
  static SparkSession session(Path warehouse) {
    return SparkSession.builder()
        .appName("weir-benchmarks")
        .master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config(
            "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.databricks.delta.snapshotPartitions", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.warehouse.dir", warehouse.toString())
        .getOrCreate();
  }

  /**
   * A fresh project directory: the starter's {@code conf/} and raw files, nothing else.
   *
   * @param parent where to create it
   * @return the new project directory
   */
  static Path newProject(Path parent) {
    try {
      Path starter = Projects.starter();
      Path project = Files.createTempDirectory(parent, "project-");
      Projects.copyTree(starter.resolve("conf"), project.resolve("conf"));
      Path raw = Files.createDirectories(project.resolve("data/01_raw"));
      for (String file : RAW_FILES) {
        Files.copy(starter.resolve("data/01_raw").resolve(file), raw.resolve(file));
      }
      return project;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
