package dev.weir.datasets.local;

import dev.weir.datasets.files.LocalFile;
import dev.weir.io.DatasetSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;

/**
 * A text file (Kedro's {@code text.TextDataset}) as one {@code String}; {@code encoding} defaults
 * to UTF-8.
 */
public final class TextDataset extends LocalFileDataset<String> {
  private final Charset charset;

  TextDataset(DatasetSpec spec, LocalFile file, Charset charset) {
    super(spec, file);
    this.charset = charset;
  }

  @Override
  protected String decode(byte[] bytes) {
    return new String(bytes, charset);
  }

  @Override
  protected void encode(String data, OutputStream out) throws IOException {
    out.write(data.getBytes(charset));
  }
}
