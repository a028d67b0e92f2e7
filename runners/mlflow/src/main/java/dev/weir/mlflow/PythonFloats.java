package dev.weir.mlflow;

import java.math.BigDecimal;

/**
 * Writes a double as Python's {@code repr(float)} does, so metric files of the local store read as
 * the ones MLflow's Python file store writes ({@code 0.1}, {@code 3.0}, {@code 1e-05}, {@code
 * nan}).
 */
final class PythonFloats {
  private PythonFloats() {}

  static String repr(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (v == 0) {
      return (1 / v < 0) ? "-0.0" : "0.0";
    }
    double abs = Math.abs(v);
    String java = Double.toString(v);
    if (abs >= 1e-4 && abs < 1e16) {
      // Python writes positional notation in this range; Java switches to E below 1e-3 and at 1e7.
      if (java.contains("E")) {
        String plain = new BigDecimal(java).stripTrailingZeros().toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
      }
      return java;
    }
    // Scientific notation: Python writes 1e-05, 1.5e+16; Java writes 1.0E-5, 1.5E16.
    BigDecimal bd = new BigDecimal(java);
    String digits = bd.unscaledValue().abs().toString().replaceAll("0+$", "");
    if (digits.isEmpty()) {
      digits = "0";
    }
    int exponent = bd.precision() - bd.scale() - 1;
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String exp = String.format("%02d", Math.abs(exponent));
    return (v < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
  }
}
