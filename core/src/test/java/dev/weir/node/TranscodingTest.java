package dev.weir.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TranscodingTest {
  @Test
  void stripRemovesTheSuffix() {
    assertThat(Transcoding.strip("companies@spark")).isEqualTo("companies");
    assertThat(Transcoding.strip("companies")).isEqualTo("companies");
  }

  @Test
  void suffixAndIsTranscoded() {
    assertThat(Transcoding.suffix("companies@delta")).isEqualTo("delta");
    assertThat(Transcoding.suffix("companies")).isEmpty();
    assertThat(Transcoding.isTranscoded("a@b")).isTrue();
    assertThat(Transcoding.isTranscoded("params:a")).isFalse();
  }

  @Test
  void twoSeparatorsAreRefused() {
    assertThatThrownBy(() -> Transcoding.strip("a@b@c"))
        .isInstanceOfSatisfying(
            NodeException.class, e -> NodeTest.expect(e, NodeException.Kind.TRANSCODING, "a@b@c"));
  }
}
