package dev.weir.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class VersionsTest {

  @Test
  void timestampsInABurstAreUniqueIncreasingAndInKedrosFormat() {
    List<String> versions = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      versions.add(Versions.generateTimestamp());
    }
    assertThat(versions).allMatch(v -> Versions.VERSION_PATTERN.matcher(v).matches());
    assertThat(new HashSet<>(versions)).hasSize(versions.size());
    assertThat(versions).isSorted();
  }

  @Test
  void timestampsFromManyThreadsNeverRepeat() {
    Set<String> seen = ConcurrentHashMap.newKeySet();
    IntStream.range(0, 4_000).parallel().forEach(i -> seen.add(Versions.generateTimestamp()));
    assertThat(seen).hasSize(4_000);
  }
}
