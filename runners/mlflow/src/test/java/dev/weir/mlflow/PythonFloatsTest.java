package dev.weir.mlflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected strings are Python 3's {@code repr(float)}. */
class PythonFloatsTest {
  @Test
  void matchesPythonRepr() {
    assertThat(PythonFloats.repr(0.5)).isEqualTo("0.5");
    assertThat(PythonFloats.repr(3)).isEqualTo("3.0");
    assertThat(PythonFloats.repr(-0.0)).isEqualTo("-0.0");
    assertThat(PythonFloats.repr(0.0001)).isEqualTo("0.0001");
    assertThat(PythonFloats.repr(1e-5)).isEqualTo("1e-05");
    assertThat(PythonFloats.repr(1.5e-7)).isEqualTo("1.5e-07");
    assertThat(PythonFloats.repr(12345678.9)).isEqualTo("12345678.9");
    assertThat(PythonFloats.repr(1e16)).isEqualTo("1e+16");
    assertThat(PythonFloats.repr(-2.5e20)).isEqualTo("-2.5e+20");
    assertThat(PythonFloats.repr(Double.NaN)).isEqualTo("nan");
    assertThat(PythonFloats.repr(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
  }
}
