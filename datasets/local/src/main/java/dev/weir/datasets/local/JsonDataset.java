package dev.weir.datasets.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.datasets.files.LocalFile;
import dev.weir.io.DatasetSpec;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A JSON file (Kedro's {@code json.JSONDataset}) read and written with Jackson. Loads plain values:
 * {@code Map<String,Object>} for objects, {@code List} for arrays, {@code String}, {@code Integer}
 * / {@code Long} / {@code Double}, {@code Boolean}; saves any value Jackson can serialize (maps,
 * lists, records, POJOs). {@code save_args.indent}: 2 (Kedro's default) pretty-prints, 0 writes one
 * line.
 */
public final class JsonDataset extends LocalFileDataset<Object> {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final boolean indent;

  JsonDataset(DatasetSpec spec, LocalFile file, boolean indent) {
    super(spec, file);
    this.indent = indent;
  }

  @Override
  protected Object decode(byte[] bytes) throws IOException {
    return MAPPER.readValue(bytes, Object.class);
  }

  @Override
  protected void encode(Object data, OutputStream out) throws IOException {
    // Jackson closes the stream; LocalFile closes it again, which streams allow.
    (indent ? MAPPER.writerWithDefaultPrettyPrinter() : MAPPER.writer()).writeValue(out, data);
  }
}
