package dev.cloudmetrics.output;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cloudmetrics.failure.InvalidInputException;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Options a format cannot honour are refused with the flag, its value and the formats that take it. */
class RenderOptionsTest {
  private static RenderOptions options(OutputFormat format, Layout layout, TimeFormat time, boolean bom, boolean timestamps) {
    return new RenderOptions(format, true, ZoneOffset.UTC, layout, time, bom, timestamps, Terminal.PLAIN);
  }

  @ParameterizedTest
  @EnumSource(value = OutputFormat.class, names = {"CSV", "TABLE"})
  void wideAndOtherTimeFormatsAreForSpreadsheetsAndTables(OutputFormat format) {
    assertDoesNotThrow(() -> options(format, Layout.WIDE, TimeFormat.EPOCH, false, false));
  }

  @ParameterizedTest
  @EnumSource(value = OutputFormat.class, names = {"JSON", "NDJSON", "PROMETHEUS", "INFLUX", "CHART"})
  void wideIsRefusedElsewhere(OutputFormat format) {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> options(format, Layout.WIDE, TimeFormat.ISO, false, false));

    assertEquals("--layout 'wide': only for csv and table, not -f " + format.id(), e.getMessage());
  }

  @Test
  void timeFormatIsRefusedWhereTheFormatFixesItsTimes() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> options(OutputFormat.JSON, Layout.LONG, TimeFormat.LOCAL, false, false));

    assertEquals("--time-format 'local': only for csv and table, not -f json", e.getMessage());
  }

  @Test
  void bomIsForCsvOnly() {
    assertDoesNotThrow(() -> options(OutputFormat.CSV, Layout.LONG, TimeFormat.ISO, true, false));
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> options(OutputFormat.TABLE, Layout.LONG, TimeFormat.ISO, true, false));

    assertEquals("--bom: only for csv, not -f table", e.getMessage());
  }

  @Test
  void timestampsAreForPrometheusOnly() {
    assertDoesNotThrow(() -> options(OutputFormat.PROMETHEUS, Layout.LONG, TimeFormat.ISO, false, true));
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> options(OutputFormat.INFLUX, Layout.LONG, TimeFormat.ISO, false, true));

    assertEquals("--timestamps: only for prometheus, not -f influx", e.getMessage());
  }
}
