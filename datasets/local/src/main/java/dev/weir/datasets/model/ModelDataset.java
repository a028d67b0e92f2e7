package dev.weir.datasets.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weir.datasets.files.LocalFile;
import dev.weir.io.Dataset;
import dev.weir.io.DatasetException;
import dev.weir.io.DatasetSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A fitted model object in a local file ({@code java.ModelDataset}), usually {@code versioned:
 * true} so each run keeps its model, as Kedro's {@code pickle.PickleDataset} is used for models.
 *
 * <p>Two backends ({@code backend:}):
 *
 * <ul>
 *   <li>{@code json} (default): Jackson, for models that are plain data (records, POJOs with
 *       getters / setters, maps of coefficients). The file is {@code {"model_class": "<class
 *       name>", "model": {...}}}; loading instantiates {@code model_class} from the catalog entry
 *       when given, else the class named in the file.
 *   <li>{@code java_serialization}: Java serialization, for {@link Serializable} models.
 * </ul>
 *
 * <p><b>Never load a model file from an untrusted source.</b> Java deserialization runs code from
 * any class on the classpath (gadget chains), and the JSON backend instantiates the class the file
 * names unless {@code model_class} pins it. Pin {@code model_class} and keep model directories
 * writable only by the pipeline.
 */
public final class ModelDataset implements Dataset<Object>, dev.weir.io.LoadVersioned {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** How the model is written. */
  public enum Backend {
    /** Jackson JSON with the model's class name alongside. */
    JSON,
    /** {@link ObjectOutputStream}, for {@link Serializable} models. */
    JAVA_SERIALIZATION
  }

  private final DatasetSpec spec;
  private final LocalFile file;
  private final Backend backend;
  private final @Nullable String modelClass;

  ModelDataset(DatasetSpec spec, LocalFile file, Backend backend, @Nullable String modelClass) {
    this.spec = spec;
    this.file = file;
    this.backend = backend;
    this.modelClass = modelClass;
  }

  @Override
  public Object load() {
    Path path = file.loadPath();
    try {
      return backend == Backend.JSON ? readJson(path) : readSerialized(path);
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      if (e instanceof DatasetException de) {
        throw de;
      }
      throw new DatasetException(
          "Dataset '" + spec.name() + "': could not read the model from " + path + ": " + e, e);
    }
  }

  @Override
  public void save(Object model) {
    if (backend == Backend.JAVA_SERIALIZATION && !(model instanceof Serializable)) {
      throw new DatasetException(
          "Dataset '"
              + spec.name()
              + "': "
              + model.getClass().getName()
              + " is not Serializable. Use backend: json for plain-data models, or implement"
              + " java.io.Serializable.");
    }
    file.write(out -> write(model, out));
  }

  private void write(Object model, OutputStream out) throws IOException {
    if (backend == Backend.JSON) {
      ObjectNode root = MAPPER.createObjectNode();
      root.put("model_class", model.getClass().getName());
      root.set("model", MAPPER.valueToTree(model));
      MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, root);
    } else {
      ObjectOutputStream oos = new ObjectOutputStream(out);
      oos.writeObject(model);
      oos.flush();
    }
  }

  private Object readJson(Path path) throws IOException, ClassNotFoundException {
    JsonNode root = MAPPER.readTree(path.toFile());
    JsonNode model = root.get("model");
    JsonNode storedClass = root.get("model_class");
    if (model == null || (storedClass == null && modelClass == null)) {
      throw new DatasetException(
          "Dataset '"
              + spec.name()
              + "': "
              + path
              + " is not a Weir JSON model file (expected keys model_class and model). Was it"
              + " saved with backend: java_serialization?");
    }
    String className = modelClass != null ? modelClass : storedClass.asText();
    Class<?> type = Class.forName(className, false, classLoader());
    return MAPPER.treeToValue(model, type);
  }

  private Object readSerialized(Path path) throws IOException, ClassNotFoundException {
    try (InputStream in = Files.newInputStream(path);
        ObjectInputStream ois = new ContextObjectInputStream(in, classLoader())) {
      Object model = ois.readObject();
      if (modelClass != null) {
        Class<?> expected = Class.forName(modelClass, false, classLoader());
        if (!expected.isInstance(model)) {
          throw new DatasetException(
              "Dataset '"
                  + spec.name()
                  + "': the file holds a "
                  + model.getClass().getName()
                  + ", not the configured model_class "
                  + modelClass
                  + ".");
        }
      }
      return model;
    }
  }

  private static ClassLoader classLoader() {
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    return cl != null ? cl : ModelDataset.class.getClassLoader();
  }

  @Override
  public boolean exists() {
    return file.exists();
  }

  @Override
  public boolean acceptsLoadVersions() {
    return file.versioned();
  }

  @Override
  public java.util.Optional<java.util.List<String>> listVersions() {
    return java.util.Optional.of(file.savedVersions());
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("name", spec.name());
    d.put("type", spec.type());
    d.put("filepath", file.path().toString());
    d.put("versioned", file.versioned());
    d.put("backend", backend.name().toLowerCase(java.util.Locale.ROOT));
    if (modelClass != null) {
      d.put("model_class", modelClass);
    }
    return Map.copyOf(d);
  }

  /**
   * Resolves classes through the thread's class loader (the project's classes, not only Weir's).
   */
  private static final class ContextObjectInputStream extends ObjectInputStream {
    private final ClassLoader loader;

    ContextObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
      super(in);
      this.loader = loader;
    }

    @Override
    protected Class<?> resolveClass(java.io.ObjectStreamClass desc)
        throws IOException, ClassNotFoundException {
      try {
        return Class.forName(desc.getName(), false, loader);
      } catch (ClassNotFoundException e) {
        return super.resolveClass(desc);
      }
    }
  }
}
