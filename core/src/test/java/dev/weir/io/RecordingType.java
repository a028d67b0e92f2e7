package dev.weir.io;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A test dataset type that records the specs it was asked to build; its datasets are in memory. */
public final class RecordingType implements DatasetType {
  final List<DatasetSpec> specs = new ArrayList<>();
  final AtomicInteger created = new AtomicInteger();

  /** Public, so that its class name resolves as a {@code type:}. */
  public RecordingType() {}

  @Override
  public List<String> names() {
    return List.of("test.Recording", "dev.weir.io.Recording");
  }

  @Override
  public synchronized Dataset<?> create(DatasetSpec spec, DatasetContext context) {
    specs.add(spec);
    created.incrementAndGet();
    return new MemoryDataset<>();
  }
}
