package dev.weir.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabricksPathsTest {
  @Test
  void dbfsUrisAreReadThroughTheDriversFuseMount() {
    assertThat(DatabricksPaths.local("dbfs:/weir/conf")).isEqualTo("/dbfs/weir/conf");
    assertThat(DatabricksPaths.local("DBFS:///weir/conf")).isEqualTo("/dbfs/weir/conf");
  }

  @Test
  void volumeAndLocalPathsAreUnchanged() {
    assertThat(DatabricksPaths.local("/Volumes/main/default/files/conf"))
        .isEqualTo("/Volumes/main/default/files/conf");
    assertThat(DatabricksPaths.local("conf")).isEqualTo("conf");
  }
}
