package dev.weir.datasets.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.datasets.files.LocalFile;
import dev.weir.io.DatasetSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/**
 * A YAML file (Kedro's {@code yaml.YAMLDataset}). Loading uses SnakeYAML's safe constructor (no
 * class instantiation from tags): maps, lists, strings, numbers, booleans, dates. Saving writes
 * block style (Kedro's {@code default_flow_style: False}); records and POJOs are first turned into
 * maps with Jackson so no {@code !!class} tags are written.
 */
public final class YamlDataset extends LocalFileDataset<Object> {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  YamlDataset(DatasetSpec spec, LocalFile file) {
    super(spec, file);
  }

  @Override
  protected Object decode(byte[] bytes) {
    Object value = yaml().load(new String(bytes, StandardCharsets.UTF_8));
    if (value == null) {
      throw new IllegalArgumentException("the file is empty");
    }
    return value;
  }

  @Override
  protected void encode(Object data, OutputStream out) throws IOException {
    Object plain = MAPPER.convertValue(data, Object.class);
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    yaml().dump(plain, w);
    w.flush();
  }

  private static Yaml yaml() {
    DumperOptions dumper = new DumperOptions();
    dumper.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    LoaderOptions loader = new LoaderOptions();
    return new Yaml(new SafeConstructor(loader), new Representer(dumper), dumper, loader);
  }
}
