package dev.weir.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.mlflow.TrackingStore.KeyValue;
import dev.weir.mlflow.TrackingStore.Metric;
import dev.weir.mlflow.TrackingStore.RunRef;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service.RunStatus;

/**
 * {@link SqliteStore}: the schema against a fixture of MLflow 2.17.2's (alembic {@code
 * f5a4f2784254}), and runs written through it read back with the plain SQL MLflow's own store
 * issues ({@link MlflowDb}).
 */
class SqliteStoreTest {
  @TempDir Path dir;

  private SqliteStore store(Duration lockWait) {
    return new SqliteStore(dir.resolve("mlflow.db"), dir.resolve("mlartifacts"), lockWait);
  }

  private SqliteStore store() {
    return store(Duration.ofSeconds(5));
  }

  /**
   * The fixture lists, for MLflow 2.17.2 at alembic head {@code f5a4f2784254}, every table with its
   * columns (type, NOT NULL, default, primary key), foreign keys, named and CHECK constraints and
   * indexes, as MLflow's migrations (mlflow/store/db_migrations/versions) leave them on SQLite.
   */
  @Test
  void theSchemaIsMlflow2172sAtItsAlembicHead() throws Exception {
    SqliteStore store = store();
    store.createRun("e", "r", "u", 1L);
    List<String> expected;
    try (InputStream in =
        SqliteStoreTest.class.getResourceAsStream("mlflow-2.17.2-sqlite-schema.txt")) {
      expected =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .filter(l -> !l.isBlank() && !l.startsWith("#"))
              .toList();
    }
    try (MlflowDb db = new MlflowDb(store.file())) {
      assertThat(SchemaDump.of(db.connection())).containsExactlyElementsOf(expected);
      assertThat(db.scalar("SELECT version_num FROM alembic_version"))
          .isEqualTo(SqliteSchema.ALEMBIC_REVISION)
          .isEqualTo("f5a4f2784254");
    }
    assertThat(SqliteSchema.TABLES).hasSize(19);
  }

  @Test
  void aRunReadsBackAsMlflowReadsIt() throws Exception {
    SqliteStore store = store();
    RunRef run = store.createRun("spaceflights", "__default__", "alice", 1_700_000_000_000L);
    store.logBatch(
        run,
        List.of(
            new Metric("r2_score", 0.5, 1_700_000_000_100L, 0),
            new Metric("loss", 3, 1_700_000_000_100L, 0),
            new Metric("loss", 2, 1_700_000_000_200L, 1),
            new Metric("loss", 9, 1_700_000_000_050L, 0),
            new Metric("bad", Double.NaN, 5, 0),
            new Metric("up", Double.POSITIVE_INFINITY, 5, 0),
            new Metric("down", Double.NEGATIVE_INFINITY, 5, 0)),
        List.of(new KeyValue("model_options.test_size", "0.2")),
        List.of(new KeyValue("weir.env", "local")));
    // The same value again is ignored, as MLflow's primary key makes it.
    store.logBatch(
        run, List.of(new Metric("r2_score", 0.5, 1_700_000_000_100L, 0)), List.of(), List.of());
    Path chart = Files.write(dir.resolve("chart.png"), new byte[] {7, 8});
    store.logArtifact(run, chart, "charts");
    store.endRun(run, RunStatus.FINISHED, 1_700_000_000_900L);

    try (MlflowDb db = new MlflowDb(store.file())) {
      assertThat(db.experiments())
          .containsExactly(
              Map.entry("0", "Default (active)"), Map.entry("1", "spaceflights (active)"));
      MlflowDb.Run r = db.onlyRun();
      assertThat(r.runId()).isEqualTo(run.runId()).matches("[0-9a-f]{32}");
      assertThat(r.experimentId()).isEqualTo("1").isEqualTo(run.experimentId());
      assertThat(r.name()).isEqualTo("__default__");
      assertThat(r.status()).isEqualTo("FINISHED");
      assertThat(r.sourceType()).isEqualTo("LOCAL");
      assertThat(r.userId()).isEqualTo("alice");
      assertThat(r.startTime()).isEqualTo(1_700_000_000_000L);
      assertThat(r.endTime()).isEqualTo(1_700_000_000_900L);
      assertThat(r.lifecycleStage()).isEqualTo("active");
      String expArtifacts = LocalFileStore.fileUri(dir.resolve("mlartifacts/1"));
      assertThat(db.scalar("SELECT artifact_location FROM experiments WHERE experiment_id = 1"))
          .isEqualTo(expArtifacts);
      assertThat(db.scalar("SELECT artifact_location FROM experiments WHERE experiment_id = 0"))
          .isEqualTo(LocalFileStore.fileUri(dir.resolve("mlartifacts/0")));
      assertThat(r.artifactUri()).isEqualTo(expArtifacts + "/" + run.runId() + "/artifacts");
      assertThat(r.params()).containsExactly(Map.entry("model_options.test_size", "0.2"));
      assertThat(r.tags())
          .containsExactly(
              Map.entry("mlflow.runName", "__default__"), Map.entry("weir.env", "local"));
      // Latest per key by (step, timestamp, value); NaN and ±Infinity as MLflow stores them.
      assertThat(r.latestMetrics())
          .containsEntry("r2_score", 0.5)
          .containsEntry("loss", 2.0)
          .containsEntry("up", SqliteStore.MAX_FLOAT)
          .containsEntry("down", -SqliteStore.MAX_FLOAT);
      assertThat(r.latestMetrics().get("bad")).isNaN();
      assertThat(db.metricHistory(run.runId(), "r2_score"))
          .containsExactly("1700000000100 0.5 0 0");
      assertThat(db.metricHistory(run.runId(), "bad")).containsExactly("5 0.0 0 1");
      assertThat(db.metricHistory(run.runId(), "loss")).hasSize(3);
    }
    assertThat(dir.resolve("mlartifacts/1/" + run.runId() + "/artifacts/charts/chart.png"))
        .hasBinaryContent(new byte[] {7, 8});
    assertThat(store.runLocation(run))
        .isEqualTo(store.trackingUri() + ", experiment 1, run " + run.runId());
    assertThat(store.viewCommand())
        .isEqualTo("mlflow ui --backend-store-uri sqlite:///" + dir.resolve("mlflow.db"));
  }

  @Test
  void twoRunsShareOneFileAndOneExperiment() throws Exception {
    RunRef a = store().createRun("exp", "a", "u", 1L);
    RunRef b = store().createRun("exp", "b", "u", 2L);
    RunRef c = store().createRun("other", "c", "u", 3L);
    store()
        .logBatch(
            a, List.of(new Metric("m", 1, 10, 0)), List.of(new KeyValue("p", "1")), List.of());
    store()
        .logBatch(
            b, List.of(new Metric("m", 2, 10, 0)), List.of(new KeyValue("p", "2")), List.of());
    assertThat(b.experimentId()).isEqualTo(a.experimentId());
    assertThat(c.experimentId()).isNotEqualTo(a.experimentId());
    try (MlflowDb db = new MlflowDb(dir.resolve("mlflow.db"))) {
      assertThat(db.runIds()).containsExactly(a.runId(), b.runId(), c.runId());
      assertThat(db.run(a.runId()).params()).containsEntry("p", "1");
      assertThat(db.run(b.runId()).params()).containsEntry("p", "2");
      assertThat(db.run(b.runId()).latestMetrics()).containsEntry("m", 2.0);
      assertThat(db.run(a.runId()).status()).isEqualTo("RUNNING");
      assertThat(db.run(a.runId()).endTime()).isNull();
    }
  }

  @Test
  void theViewCommandQuotesAPathTheShellWouldSplit() {
    SqliteStore spaced =
        new SqliteStore(dir.resolve("my runs/mlflow.db"), dir.resolve("a"), Duration.ofSeconds(1));
    assertThat(spaced.viewCommand())
        .isEqualTo(
            "mlflow ui --backend-store-uri 'sqlite:///" + dir.resolve("my runs/mlflow.db") + "'");
  }

  @Test
  void paramsAreWriteOnce() {
    SqliteStore store = store();
    RunRef run = store.createRun("e", "r", "u", 1L);
    store.logBatch(run, List.of(), List.of(new KeyValue("alpha", "1")), List.of());
    store.logBatch(run, List.of(), List.of(new KeyValue("alpha", "1")), List.of());
    assertThatThrownBy(
            () -> store.logBatch(run, List.of(), List.of(new KeyValue("alpha", "2")), List.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("write-once");
  }

  /** Another process holds the write lock for a while: the write waits for it, then succeeds. */
  @Test
  void aLockedDatabaseIsWaitedFor() throws Exception {
    SqliteStore store = store(Duration.ofSeconds(20));
    RunRef run = store.createRun("e", "r", "u", 1L);
    CountDownLatch locked = new CountDownLatch(1);
    Thread other =
        new Thread(
            () -> {
              try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.file());
                  Statement s = c.createStatement()) {
                s.execute("BEGIN EXCLUSIVE");
                locked.countDown();
                Thread.sleep(1500);
                s.execute("COMMIT");
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    other.start();
    assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
    long start = System.nanoTime();
    store.logBatch(run, List.of(new Metric("m", 1, 1, 0)), List.of(), List.of());
    assertThat((System.nanoTime() - start) / 1e9).isGreaterThan(0.5);
    other.join();
    try (MlflowDb db = new MlflowDb(store.file())) {
      assertThat(db.onlyRun().latestMetrics()).containsEntry("m", 1.0);
    }
  }

  /** A lock held past the bounded wait fails the write, after that wait and no longer. */
  @Test
  void aLockHeldPastTheWaitFailsTheWriteInBoundedTime() throws Exception {
    SqliteStore store = store(Duration.ofMillis(700));
    RunRef run = store.createRun("e", "r", "u", 1L);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.file());
        Statement s = c.createStatement()) {
      s.execute("BEGIN EXCLUSIVE");
      long start = System.nanoTime();
      assertThatThrownBy(
              () -> store.logBatch(run, List.of(new Metric("m", 1, 1, 0)), List.of(), List.of()))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("locked by another writer");
      assertThat((System.nanoTime() - start) / 1e9).isBetween(0.5, 10.0);
      s.execute("ROLLBACK");
    }
  }

  /**
   * Another writer holds the lock for longer than the wait for a whole run: tracking stops with one
   * warning that says why, and nothing is thrown to the pipeline.
   */
  @Test
  void aDatabaseLockedPastTheWaitNeverFailsTheRun() throws Exception {
    SqliteStore store = store(Duration.ofMillis(500));
    store.createRun("e", "first", "u", 1L);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.file());
        Statement s = c.createStatement();
        LogCapture logs = new LogCapture()) {
      s.execute("BEGIN EXCLUSIVE");
      TrackedRun run =
          TrackedRun.start(
              store, () -> store, "e", "locked", "u", Map.of("t", "1"), Map.of("p", "1"));
      run.logMetric("m", 1, 0);
      run.end(RunStatus.FINISHED);
      assertThat(logs.warnings())
          .singleElement()
          .asString()
          .contains("MLflow tracking stopped")
          .contains("locked by another writer");
      s.execute("ROLLBACK");
    }
  }

  /**
   * A file a newer MLflow has upgraded (another alembic revision, new columns with defaults, a new
   * table) is written to as it is: Weir inserts only the columns it knows.
   */
  @Test
  void aFileANewerMlflowUpgradedKeepsWorking() throws Exception {
    SqliteStore store = store();
    store.createRun("e", "first", "u", 1L);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.file());
        Statement s = c.createStatement()) {
      s.execute("UPDATE alembic_version SET version_num = 'ffffffffffff'");
      s.execute("ALTER TABLE inputs ADD COLUMN step BIGINT DEFAULT '0' NOT NULL");
      s.execute("ALTER TABLE runs ADD COLUMN future_column VARCHAR(20) DEFAULT 'x'");
      s.execute("ALTER TABLE experiments ADD COLUMN workspace VARCHAR(63) DEFAULT 'default'");
      s.execute("CREATE TABLE logged_models (model_id VARCHAR(36) NOT NULL PRIMARY KEY)");
    }
    RunRef run = store.createRun("e", "second", "u", 2L);
    store.logBatch(
        run, List.of(new Metric("m", 1, 1, 0)), List.of(new KeyValue("p", "v")), List.of());
    store.endRun(run, RunStatus.FAILED, 3L);
    try (MlflowDb db = new MlflowDb(store.file())) {
      assertThat(db.run(run.runId()).status()).isEqualTo("FAILED");
      assertThat(db.scalar("SELECT future_column FROM runs WHERE name = 'second'")).isEqualTo("x");
      assertThat(db.scalar("SELECT version_num FROM alembic_version")).isEqualTo("ffffffffffff");
    }
  }

  @Test
  void aDeletedExperimentOfTheSameNameIsNamedWithTheFix() throws Exception {
    SqliteStore store = store();
    RunRef run = store.createRun("gone", "r", "u", 1L);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.file());
        Statement s = c.createStatement()) {
      s.execute("UPDATE experiments SET lifecycle_stage = 'deleted' WHERE name = 'gone'");
    }
    assertThatThrownBy(() -> store.createRun("gone", "r2", "u", 2L))
        .isInstanceOf(DeletedExperimentException.class)
        .hasMessageContaining("'gone'")
        .hasMessageContaining("is deleted")
        .hasMessageContaining("mlflow experiments restore --experiment-id " + run.experimentId());
  }
}
