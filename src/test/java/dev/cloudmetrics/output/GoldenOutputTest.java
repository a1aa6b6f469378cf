package dev.cloudmetrics.output;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every format and layout for every shape of output (RTC, CDN merged, CDN per stream), byte for
 * byte against the files under src/test/resources; the original per-stream sample in two zones.
 */
class GoldenOutputTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  static Stream<Arguments> formatsAndZones() {
    return Stream.of(OutputFormat.values())
        .filter(format -> format != OutputFormat.CHART)
        .flatMap(format -> Stream.of(
            Arguments.of(format, SHANGHAI, "shanghai"),
            Arguments.of(format, ZoneOffset.UTC, "utc")));
  }

  @ParameterizedTest(name = "{0} in {2}")
  @MethodSource("formatsAndZones")
  void matchesTheGoldenFile(OutputFormat format, ZoneId zone, String zoneName) {
    String rendered = RenderedText.of(new RenderOptions(format, true, zone), SampleRows.SCHEMA, SampleRows.ROWS);

    Golden.assertMatches("online-users." + zoneName + "." + format.id(), rendered);
  }

  static Stream<Arguments> everyFormatLayoutAndCommand() {
    List<Arguments> cases = new ArrayList<>();
    for (GoldenSamples sample : GoldenSamples.values()) {
      for (OutputFormat format : OutputFormat.values()) {
        boolean hasLayouts = format == OutputFormat.CSV || format == OutputFormat.TABLE;
        for (Layout layout : hasLayouts ? Layout.values() : new Layout[] {Layout.LONG}) {
          String name = "golden/" + sample.fileName + (hasLayouts ? "." + layout.id() : "") + "." + format.id();
          cases.add(Arguments.of(name, sample, options(format, layout, TimeFormat.ISO, false, false, Terminal.PLAIN)));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyFormatLayoutAndCommand")
  void everyFormatLayoutAndCommandMatchesItsGoldenFile(String name, GoldenSamples sample, RenderOptions options) {
    Golden.assertMatches(name, RenderedText.of(options, sample.schema, sample.rows));
  }

  static Stream<Arguments> variants() {
    return Stream.of(
        Arguments.of("golden/rtc.wide.bom-local.csv", GoldenSamples.RTC,
            options(OutputFormat.CSV, Layout.WIDE, TimeFormat.LOCAL, true, false, Terminal.PLAIN)),
        Arguments.of("golden/cdn-per-stream.long.epoch.csv", GoldenSamples.CDN_PER_STREAM,
            options(OutputFormat.CSV, Layout.LONG, TimeFormat.EPOCH, false, false, Terminal.PLAIN)),
        Arguments.of("golden/cdn-per-stream.wide.local.table", GoldenSamples.CDN_PER_STREAM,
            options(OutputFormat.TABLE, Layout.WIDE, TimeFormat.LOCAL, false, false, Terminal.PLAIN)),
        Arguments.of("golden/rtc.timestamps.prometheus", GoldenSamples.RTC,
            options(OutputFormat.PROMETHEUS, Layout.LONG, TimeFormat.ISO, false, true, Terminal.PLAIN)),
        Arguments.of("golden/cdn-merged.50-columns.chart", GoldenSamples.CDN_MERGED,
            options(OutputFormat.CHART, Layout.LONG, TimeFormat.ISO, false, false, new Terminal(50, false))),
        Arguments.of("golden/cdn-per-stream.colour.chart", GoldenSamples.CDN_PER_STREAM,
            options(OutputFormat.CHART, Layout.LONG, TimeFormat.ISO, false, false, new Terminal(72, true))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void optionVariantsMatchTheirGoldenFiles(String name, GoldenSamples sample, RenderOptions options) {
    Golden.assertMatches(name, RenderedText.of(options, sample.schema, sample.rows));
  }

  private static RenderOptions options(OutputFormat format, Layout layout, TimeFormat timeFormat, boolean bom,
      boolean timestamps, Terminal terminal) {
    return new RenderOptions(format, true, SHANGHAI, layout, timeFormat, bom, timestamps, terminal);
  }
}
