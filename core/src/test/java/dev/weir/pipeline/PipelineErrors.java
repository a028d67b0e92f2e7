package dev.weir.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts a pipeline error by its kind and names, not its wording. */
final class PipelineErrors {
  private PipelineErrors() {}

  static void expect(ThrowingCallable call, PipelineException.Kind kind, String... names) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            PipelineException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(kind);
              assertThat(e.names()).containsExactly(names);
            });
  }
}
