package dev.cloudmetrics.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OutputFormatTest {
  @ParameterizedTest
  @CsvSource({"table, TABLE", "csv, CSV", "JSON, JSON", "NdJson, NDJSON", "prometheus, PROMETHEUS", "Influx, INFLUX", "chart, CHART"})
  void readsNamesInAnyCase(String text, OutputFormat expected) {
    assertEquals(expected, OutputFormat.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"xml", "", "tsv", "jsonl", " csv"})
  void unknownNamesListTheChoices(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OutputFormat.parse(text));

    assertEquals("must be one of table, csv, json, ndjson, prometheus, influx, chart", e.getMessage());
  }

  @Test
  void idsAreWhatUsersType() {
    assertEquals("[table, csv, json, ndjson, prometheus, influx, chart]", Arrays.toString(Arrays.stream(OutputFormat.values()).map(OutputFormat::id).toArray()));
  }

  @Test
  void everyIdReadsBackAsItsFormat() {
    for (OutputFormat format : OutputFormat.values()) {
      assertEquals(format, OutputFormat.parse(format.id()));
    }
  }
}
