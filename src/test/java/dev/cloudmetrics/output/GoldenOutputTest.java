package dev.cloudmetrics.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every format, in two zones, byte for byte against the files under src/test/resources. */
class GoldenOutputTest {
  static Stream<Arguments> formatsAndZones() {
    return Stream.of(OutputFormat.values()).flatMap(format -> Stream.of(
        Arguments.of(format, ZoneId.of("Asia/Shanghai"), "shanghai"),
        Arguments.of(format, ZoneOffset.UTC, "utc")));
  }

  @ParameterizedTest(name = "{0} in {2}")
  @MethodSource("formatsAndZones")
  void matchesTheGoldenFile(OutputFormat format, ZoneId zone, String zoneName) throws IOException {
    String golden = golden("online-users." + zoneName + "." + format.id());

    String rendered = RenderedText.of(new RenderOptions(format, true, zone), SampleRows.SCHEMA, SampleRows.ROWS);

    assertEquals(golden, rendered);
  }

  private static String golden(String name) throws IOException {
    try (InputStream in = GoldenOutputTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("no golden file " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
