package dev.weir.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module and package rules of {@code ../shared/DESIGN.md} ("Modules and what may depend on
 * what"), checked on the main classes of every Weir module (this module depends on all of them): no
 * package cycles; core imports nothing of the datasets or the runners; datasets import nothing of
 * the runners; the runtime imports no plugin and not the command line; plugins (MLflow, viz,
 * Databricks) import neither each other nor the command line.
 */
class ArchitectureTest {
  private static final String[] CORE = {
    "dev.weir",
    "dev.weir.config..",
    "dev.weir.hooks..",
    "dev.weir.io..",
    "dev.weir.node..",
    "dev.weir.params..",
    "dev.weir.pipeline.."
  };
  private static final String DATASETS = "dev.weir.datasets..";
  private static final String[] RUNTIME = {
    "dev.weir.runner..", "dev.weir.session..", "dev.weir.sql..", "dev.weir.command.."
  };
  private static final String MLFLOW = "dev.weir.mlflow..";
  private static final String VIZ = "dev.weir.viz..";
  private static final String[] DATABRICKS = {"dev.weir.databricks..", "dev.weir.notebook.."};
  private static final String CLI = "dev.weir.cli..";

  private static JavaClasses weir;

  @BeforeAll
  static void importWeir() {
    weir =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.weir");
    // Reactor builds see target/classes directories; an installed build would see jars.
    if (weir.isEmpty()) {
      weir =
          new ClassFileImporter()
              .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
              .importPackages("dev.weir");
    }
  }

  private static ArchRule noCycles() {
    return slices().matching("dev.weir.(**)").should().beFreeOfCycles();
  }

  @Test
  void theClassesOfEveryModuleAreImported() {
    for (String type :
        new String[] {
          "dev.weir.pipeline.Pipeline",
          "dev.weir.datasets.spark.SparkDataset",
          "dev.weir.datasets.excel.ExcelDataset",
          "dev.weir.datasets.mlflow.MlflowMetricDataset",
          "dev.weir.datasets.local.JsonDataset",
          "dev.weir.session.Session",
          "dev.weir.mlflow.MlflowHook",
          "dev.weir.viz.VizCommand",
          "dev.weir.databricks.BundleCommand",
          "dev.weir.cli.Main"
        }) {
      assertThat(weir.contain(type)).as(type).isTrue();
    }
  }

  @Test
  void noPackageCycles() {
    noCycles().check(weir);
  }

  @Test
  void theCycleRuleFailsOnACycle() {
    JavaClasses fixture = new ClassFileImporter().importPackages("dev.weir.architecture.fixture");
    assertThat(noCycles().evaluate(fixture).hasViolation()).isTrue();
  }

  @Test
  void coreImportsNoDatasetsAndNoRunners() {
    noClasses()
        .that()
        .resideInAnyPackage(CORE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(concat(new String[] {DATASETS, MLFLOW, VIZ, CLI}, RUNTIME, DATABRICKS))
        .check(weir);
  }

  @Test
  void coreImportsNoSpark() {
    noClasses()
        .that()
        .resideInAnyPackage(CORE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.spark..", "io.delta..", "scala..", "org.mlflow..")
        .check(weir);
  }

  @Test
  void datasetsImportNoRunners() {
    noClasses()
        .that()
        .resideInAPackage(DATASETS)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(concat(new String[] {MLFLOW, VIZ, CLI}, RUNTIME, DATABRICKS))
        .check(weir);
  }

  @Test
  void theRuntimeImportsNoPluginAndNotTheCommandLine() {
    noClasses()
        .that()
        .resideInAnyPackage(RUNTIME)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(concat(new String[] {MLFLOW, VIZ, CLI}, DATABRICKS))
        .check(weir);
  }

  @Test
  void pluginsImportNeitherEachOtherNorTheCommandLine() {
    noClasses()
        .that()
        .resideInAPackage(MLFLOW)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(concat(new String[] {VIZ, CLI}, DATABRICKS))
        .check(weir);
    noClasses()
        .that()
        .resideInAPackage(VIZ)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(concat(new String[] {MLFLOW, CLI}, DATABRICKS))
        .check(weir);
    noClasses()
        .that()
        .resideInAnyPackage(DATABRICKS)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(MLFLOW, VIZ, CLI)
        .check(weir);
  }

  @Test
  void everyJarNamesItsAutomaticModule() throws Exception {
    for (String type :
        new String[] {
          "dev.weir.pipeline.Pipeline",
          "dev.weir.datasets.spark.SparkDataset",
          "dev.weir.session.Session",
          "dev.weir.cli.Main"
        }) {
      Class<?> c = Class.forName(type, false, getClass().getClassLoader());
      java.net.URL location = c.getProtectionDomain().getCodeSource().getLocation();
      if (!location.getPath().endsWith(".jar")) {
        continue; // a reactor test run sees target/classes; the jar check needs the packaged jar
      }
      try (java.util.jar.JarFile jar = new java.util.jar.JarFile(location.getPath())) {
        Manifest manifest = jar.getManifest();
        assertThat(manifest.getMainAttributes().getValue("Automatic-Module-Name"))
            .as(type)
            .startsWith("dev.weir.");
      }
    }
  }

  private static String[] concat(String[] first, String[]... more) {
    java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(first));
    for (String[] m : more) {
      all.addAll(java.util.List.of(m));
    }
    return all.toArray(String[]::new);
  }
}
