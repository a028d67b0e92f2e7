// The cells of the README's "From a notebook" section, as a jshell script run by the build
// (dev.weir.spaceflights.databricks.NotebookJshellTest) against the built job JAR on an embedded
// Spark. On Databricks the notebook already has `spark`; here cell 0 makes one. The script prints
// the figures and exits 1 on a failed check, 0 otherwise.

// Cell 0 (Databricks does this for you): a Spark session with Delta.
import org.apache.spark.sql.SparkSession;
var spark = SparkSession.builder().master("local[2]").appName("notebook").config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension").config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog").getOrCreate();
var projectPath = System.getProperty("weir.project");

// Cell 1: the facade over the project folder (a workspace folder, a Git folder or a volume).
import dev.weir.notebook.WeirNotebook;
var weir = WeirNotebook.create(spark, projectPath);

// Cell 2: what the project registers.
var pipelineNames = new java.util.TreeSet<>(weir.pipelines().keySet());
System.out.println("pipelines: " + pipelineNames);

// Cell 3: a run, with weir run's options.
var result = weir.run("--pipelines data_processing");
System.out.println("nodes run: " + result.nodeSeconds().size());

// Cell 4: a catalog dataset as a DataFrame, to display(...) on Databricks.
var modelInput = weir.table("model_input_table");
var rows = modelInput.count();
System.out.println("model_input_table rows: " + rows);
System.out.println("model_input_table columns: " + modelInput.columns().length);

// Checks: a failed one exits 1.
var failures = new java.util.ArrayList<String>();
if (!pipelineNames.containsAll(java.util.List.of("__default__", "data_processing", "data_science", "reporting"))) failures.add("pipelines " + pipelineNames);
if (result.nodeSeconds().size() != 4) failures.add("ran " + result.nodeSeconds().keySet());
if (rows <= 0) failures.add("model_input_table is empty");
if (!java.util.Arrays.asList(modelInput.columns()).containsAll(java.util.List.of("shuttle_id", "company_id", "price"))) failures.add("columns " + java.util.Arrays.toString(modelInput.columns()));
failures.forEach(f -> System.out.println("CHECK FAILED: " + f));
int status = failures.isEmpty() ? 0 : 1;
System.out.println(status == 0 ? "ALL CHECKS PASSED" : "SOME CHECKS FAILED");
spark.stop();
/exit status
