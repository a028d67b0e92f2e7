package dev.weir.databricks;

import dev.weir.WeirException;
import dev.weir.config.ConfigException;
import dev.weir.io.DataCatalog;
import dev.weir.node.Transcoding;
import dev.weir.pipeline.Pipeline;
import dev.weir.pipeline.PipelineRegistry;
import dev.weir.session.ConfSources;
import dev.weir.session.Session;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code weir bundle}: writes a Databricks asset bundle for the project's pipelines, as
 * kedro-databricks' {@code kedro databricks bundle} does: {@code databricks.yml} and {@code
 * resources/<bundle>_<pipeline>.job.yml} (the {@code __default__} pipeline's job is named after the
 * bundle alone). Deploy with {@code databricks bundle deploy -t <target>}.
 *
 * <p>Without {@code --remote-project} the target environment's catalog must hold no relative local
 * path ({@link RemotePathCheck}).
 *
 * <p>Exit codes: 0 written, 2 a configuration problem, a refused grouping or a catalog with
 * relative paths (nothing written).
 */
@Command(
    name = "bundle",
    mixinStandardHelpOptions = true,
    description =
        "Generate a Databricks asset bundle (databricks.yml and resources/*.job.yml) from the"
            + " project's pipelines: one job per pipeline, one spark_jar_task per task group.",
    footer = {
      "",
      "Overrides: conf/base and conf/<target> databricks.yml (default, re:<regex>, <job key>).",
      "Example: weir bundle --target prod && databricks bundle deploy -t prod"
    })
public final class BundleCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--project", paramLabel = "DIR", description = "Project directory. Default: .")
  Path project = Path.of("");

  @Option(
      names = "--conf-source",
      paramLabel = "DIR",
      description =
          "Configuration directory. Default: <project>/conf, else a conf/ directory packaged in"
              + " the job JAR.")
  @Nullable String confSource;

  @Option(
      names = "--group-by",
      paramLabel = "GROUPING",
      description =
          "auto (one task per node; nodes joined by an in-memory dataset share one), pipeline"
              + " (one task), namespace or node (default: ${DEFAULT-VALUE}). An explicit namespace"
              + " or node grouping that would hand an in-memory dataset between tasks is refused.")
  String groupBy = "auto";

  @Option(
      names = {"--target", "-t"},
      paramLabel = "TARGET",
      description =
          "Bundle target, dev or prod (default: ${DEFAULT-VALUE}); also the --env the tasks run"
              + " with and the configuration environment of the overrides.")
  String target = "dev";

  @Option(
      names = {"--pipelines", "-p"},
      split = ",",
      paramLabel = "NAME",
      description = "Pipelines to generate jobs for. Default: every registered pipeline.")
  List<String> pipelines = new ArrayList<>();

  @Option(
      names = "--serverless",
      description = "Run tasks on serverless compute (java_dependencies) instead of job clusters.")
  boolean serverless;

  @Option(
      names = "--bundle-name",
      paramLabel = "NAME",
      description =
          "Bundle name and job prefix. Default: the artifactId in pom.xml, else the folder.")
  @Nullable String bundleName;

  @Option(
      names = "--jar",
      paramLabel = "PATH",
      description =
          "The job JAR, relative to the project. Default: target/<artifactId>-<version>-job.jar.")
  @Nullable String jar;

  @Option(
      names = "--remote-project",
      paramLabel = "DIR",
      description =
          "Project directory on Databricks (e.g. /Volumes/main/spaceflights/files) that relative"
              + " catalog paths resolve against; passed to tasks as --project.")
  @Nullable String remoteProject;

  @Option(
      names = {"--output", "-o"},
      paramLabel = "DIR",
      description = "Where to write databricks.yml and resources/. Default: the project directory.")
  @Nullable Path output;

  /** A command ready to run. */
  public BundleCommand() {}

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      write();
      return 0;
    } catch (WeirException e) {
      err.println("Error: " + e.getMessage());
      err.flush();
      return 2;
    } catch (IOException e) {
      err.println("Error: cannot write the bundle: " + e);
      err.flush();
      return 1;
    }
  }

  private void write() throws IOException {
    Path root = project.toAbsolutePath().normalize();
    Path out = output == null ? root : output.toAbsolutePath().normalize();
    Pom pom = Pom.read(root.resolve("pom.xml"));
    String name = bundleName != null ? bundleName : pom != null ? pom.artifactId() : folder(root);
    String jarPath = jar;
    if (jarPath == null) {
      if (pom == null) {
        throw new ConfigException(
            "No pom.xml in " + root + " to derive the job JAR's name from. Pass --jar PATH.");
      }
      jarPath = "target/" + pom.artifactId() + "-" + pom.version() + "-job.jar";
    }
    if (!List.of("dev", "prod").contains(target)) {
      throw new ConfigException(
          "--target '"
              + target
              + "' is not a target of the generated databricks.yml. Use dev (mode: development) or"
              + " prod (mode: production).");
    }
    BundleSettings settings =
        new BundleSettings(
            name,
            target,
            GroupBy.parse(groupBy),
            serverless,
            jarPath,
            "mvn -B -q package -DskipTests",
            remoteProject);
    Session session =
        Session.builder()
            .projectPath(root)
            .env(target)
            .confSource(ConfSources.resolve(confSource, root))
            .build();
    Map<String, Pipeline> registered = session.pipelines();
    RemotePathCheck.require(session.config().catalog(), target, remoteProject);
    Map<String, Object> overrides = session.config().databricks();
    DataCatalog catalog = session.catalog(null, Map.of());
    BundlePaths paths = BundlePaths.of(root, out, jarPath);
    String jarFromResources = paths.jarFromResources();

    Map<String, Map<String, Object>> files = new LinkedHashMap<>();
    for (String pipelineName : selected(registered)) {
      Pipeline pipeline = Objects.requireNonNull(registered.get(pipelineName), pipelineName);
      String jobKey = jobKey(name, pipelineName);
      List<TaskGroup> groups =
          TaskGroups.group(
              pipelineName, pipeline, settings.groupBy(), persistedIn(pipeline, catalog));
      Map<String, Object> job =
          BundleGenerator.job(jobKey, pipelineName, groups, settings, jarFromResources);
      job = BundleGenerator.withoutUnusedCompute(JobOverrides.apply(jobKey, job, overrides));
      files.put("resources/" + jobKey + ".job.yml", BundleGenerator.resourceFile(jobKey, job));
    }
    BundleYaml.write(out.resolve("databricks.yml"), BundleGenerator.databricksYml(settings, paths));
    for (Map.Entry<String, Map<String, Object>> file : files.entrySet()) {
      BundleYaml.write(out.resolve(file.getKey()), file.getValue());
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println("Wrote " + out.resolve("databricks.yml") + " and " + files.size() + " jobs:");
    files.keySet().forEach(f -> stdout.println("  " + f));
    stdout.println("Deploy with: databricks bundle deploy -t " + target);
    stdout.flush();
  }

  private List<String> selected(Map<String, Pipeline> registered) {
    if (pipelines.isEmpty()) {
      return List.copyOf(registered.keySet());
    }
    for (String p : pipelines) {
      if (!registered.containsKey(p)) {
        throw new ConfigException(
            "--pipelines names '"
                + p
                + "', which is not registered"
                + dev.weir.ClosestNames.didYouMean(p, registered.keySet())
                + ". Registered pipelines: "
                + String.join(", ", new TreeSet<>(registered.keySet()))
                + ".");
      }
    }
    return List.copyOf(pipelines);
  }

  /**
   * @return {@code <bundle>} for {@code __default__}, else {@code <bundle>_<pipeline>}
   */
  static String jobKey(String bundle, String pipelineName) {
    return PipelineRegistry.DEFAULT.equals(pipelineName)
        ? TaskGroups.taskKey(bundle)
        : TaskGroups.taskKey(bundle + "_" + pipelineName);
  }

  /** Persisted means a catalog entry that is not a MemoryDataset, under any transcoded name. */
  private static java.util.function.Predicate<String> persistedIn(
      Pipeline pipeline, DataCatalog catalog) {
    Map<String, Boolean> persisted = new HashMap<>();
    for (dev.weir.node.Node node : pipeline.nodes()) {
      List<String> names = new ArrayList<>(node.inputs());
      names.addAll(node.outputs());
      for (String raw : names) {
        boolean stored = catalog.contains(raw) && !catalog.isMemory(raw);
        persisted.merge(Transcoding.strip(raw), stored, Boolean::logicalOr);
      }
    }
    return name -> persisted.getOrDefault(name, false);
  }

  private static String folder(Path root) {
    Path file = root.getFileName();
    return TaskGroups.taskKey(file == null ? "weir" : file.toString());
  }

  /**
   * The project's Maven coordinates, read from pom.xml (the version falls back to the parent's).
   */
  record Pom(String artifactId, String version) {
    static @Nullable Pom read(Path pom) {
      if (!Files.isRegularFile(pom)) {
        return null;
      }
      try {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(pom.toFile());
        Element project = doc.getDocumentElement();
        String artifactId = child(project, "artifactId");
        String version = child(project, "version");
        if (version == null) {
          Element parent = element(project, "parent");
          version = parent == null ? null : child(parent, "version");
        }
        if (artifactId == null || version == null) {
          return null;
        }
        return new Pom(artifactId, version);
      } catch (Exception e) {
        throw new ConfigException("Cannot read " + pom + ": " + e.getMessage(), e);
      }
    }

    private static @Nullable Element element(Element parent, String name) {
      for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element e && name.equals(e.getTagName())) {
          return e;
        }
      }
      return null;
    }

    private static @Nullable String child(Element parent, String name) {
      Element e = element(parent, name);
      return e == null ? null : e.getTextContent().trim();
    }
  }
}
