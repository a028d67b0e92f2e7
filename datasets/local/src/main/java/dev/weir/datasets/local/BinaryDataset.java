package dev.weir.datasets.local;

import dev.weir.datasets.files.LocalFile;
import dev.weir.io.DatasetSpec;
import java.io.IOException;
import java.io.OutputStream;

/** A file as raw bytes ({@code binary.BinaryDataset}), for example a PNG chart of a report. */
public final class BinaryDataset extends LocalFileDataset<byte[]> {
  BinaryDataset(DatasetSpec spec, LocalFile file) {
    super(spec, file);
  }

  @Override
  protected byte[] decode(byte[] bytes) {
    return bytes;
  }

  @Override
  protected void encode(byte[] data, OutputStream out) throws IOException {
    out.write(data);
  }
}
