package dev.weir.datasets.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.config.SafeYaml;
import dev.weir.datasets.files.LocalFile;
import dev.weir.io.DatasetSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A YAML file (Kedro's {@code yaml.YAMLDataset}). Loading uses the hardened parser of {@link
 * SafeYaml} (no class instantiation from tags, bounded aliases and nesting, duplicate keys
 * refused): maps, lists, strings, numbers, booleans; dates stay strings. Saving writes block style
 * (Kedro's {@code default_flow_style: False}); records and POJOs are first turned into maps with
 * Jackson so no {@code !!class} tags are written.
 */
public final class YamlDataset extends LocalFileDataset<Object> {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  YamlDataset(DatasetSpec spec, LocalFile file) {
    super(spec, file);
  }

  @Override
  protected Object decode(byte[] bytes) {
    Object value = SafeYaml.newYaml().load(new String(bytes, StandardCharsets.UTF_8));
    if (value == null) {
      throw new IllegalArgumentException("the file is empty");
    }
    return value;
  }

  @Override
  protected void encode(Object data, OutputStream out) throws IOException {
    Object plain = MAPPER.convertValue(data, Object.class);
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    w.write(SafeYaml.dump(plain));
    w.flush();
  }
}
