package dev.weir.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RunProfileTest {

  @Test
  void aNestedPartIsNotCountedInItsParentAndTheRemainderIsOther() throws Exception {
    RunProfile profile = RunProfile.start();
    try (RunProfile.Timer scope = profile.inNode("n")) {
      try (RunProfile.Timer load = profile.time("load", "a")) {
        try (RunProfile.Timer spark = profile.time("spark", "start-up")) {
          Thread.sleep(30);
        }
        Thread.sleep(5);
      }
    }
    try (RunProfile.Timer conf = profile.time("configuration", "c")) {
      Thread.sleep(1);
    }

    RunProfile.Report report = profile.report();

    assertThat(report.parts())
        .extracting(p -> p.scope() + "/" + p.kind() + "/" + p.name())
        .containsExactly("n/spark/start-up", "n/load/a", "(run)/configuration/c");
    double spark = report.parts().get(0).seconds();
    double load = report.parts().get(1).seconds();
    assertThat(spark).isGreaterThanOrEqualTo(0.030);
    // The load's own time excludes the 30 ms of the nested start-up.
    assertThat(load).isGreaterThanOrEqualTo(0.005).isLessThan(spark);
    double sum = report.parts().stream().mapToDouble(RunProfile.Part::seconds).sum();
    assertThat(sum + report.otherSeconds()).isCloseTo(report.wallSeconds(), within(1e-9));
    assertThat(report.scopeSeconds("n")).isCloseTo(spark + load, within(1e-9));
  }

  @Test
  void offTimesNothing() {
    RunProfile off = RunProfile.off();
    try (RunProfile.Timer t = off.time("load", "a")) {
      assertThat(off.isOn()).isFalse();
    }
    assertThat(off.report().parts()).isEmpty();
  }
}
