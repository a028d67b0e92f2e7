package dev.weir.spaceflights.pipelines.reporting;

import static dev.weir.spaceflights.TestSpark.frame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class ReportingNodesTest {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @Test
  void comparePassengerCapacityAveragesPerShuttleTypeSortedByType() {
    Dataset<Row> shuttles =
        frame(
            "id INT, shuttle_type STRING, passenger_capacity INT",
            new Object[] {1, "Type V5", 2},
            new Object[] {2, "Type F5", 4},
            new Object[] {3, "Type V5", 5},
            new Object[] {4, "Type V5", null},
            new Object[] {5, "Type F5", 8});

    List<Row> rows = ReportingNodes.comparePassengerCapacity(shuttles).collectAsList();

    assertThat(rows)
        .extracting(r -> r.getString(0), r -> r.getDouble(1))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Type F5", 6.0),
            org.assertj.core.groups.Tuple.tuple("Type V5", 3.5));
  }

  @Test
  void plotPassengerCapacityDrawsAPngOfTheConfiguredSize() throws Exception {
    Dataset<Row> capacity =
        frame(
            "shuttle_type STRING, average_passenger_capacity DOUBLE",
            new Object[] {"Type F5", 6.0},
            new Object[] {"Type V5", 3.5});

    byte[] png =
        ReportingNodes.plotPassengerCapacity(capacity, new ChartOptions("Capacity", 640, 360));

    assertThat(Arrays.copyOf(png, PNG_SIGNATURE.length)).isEqualTo(PNG_SIGNATURE);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(640);
    assertThat(image.getHeight()).isEqualTo(360);
  }

  @Test
  void chartOptionsRefuseANonPositiveSize() {
    assertThatThrownBy(() -> new ChartOptions("t", 0, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parameters_reporting.yml");
  }
}
