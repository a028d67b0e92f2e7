package dev.weir.spaceflights.pipelines.dataprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class ParseMoneyTest {
  private final ParseMoney parse = new ParseMoney();

  @Test
  void removesCurrencySignsAndThousandsSeparators() {
    assertThat(parse.call("$1,325.0")).isEqualTo(1325.0);
    assertThat(parse.call("£950.5")).isEqualTo(950.5);
    assertThat(parse.call("€12,345,678.25")).isEqualTo(12_345_678.25);
    assertThat(parse.call(" $7 ")).isEqualTo(7.0);
  }

  @Test
  void nullAndBlankAreMissing() {
    assertThat(parse.call(null)).isNull();
    assertThat(parse.call("  ")).isNull();
  }

  @Test
  void textThatIsNotAnAmountFails() {
    assertThatThrownBy(() -> parse.call("$ten")).isInstanceOf(NumberFormatException.class);
  }

  /** Spark serializes the UDF to send it to the executors. */
  @Test
  void survivesJavaSerialization() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(parse);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(((ParseMoney) in.readObject()).call("$2,000")).isEqualTo(2000.0);
    }
  }
}
