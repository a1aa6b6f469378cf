package dev.cloudmetrics.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.failure.ServiceFailureException;
import dev.cloudmetrics.output.Row;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RealtimeResponseParserTest {
  private static final List<String> BOTH = List.of("online_user_count", "online_room_count");
  private static final Instant T0 = Instant.parse("2021-07-23T16:00:00Z");

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = RealtimeResponseParserTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  private static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static Row row(Instant time, String indicator, String value) {
    return new Row(time, List.of("app1", indicator), new BigDecimal(value));
  }

  @Test
  void theDocumentedExampleGivesOneRowPerBucketAndIndicatorInTimeOrder() throws IOException {
    List<Row> rows = RealtimeResponseParser.parse(resource("list-realtime-example.json"), "app1", BOTH);

    assertEquals(List.of(
        row(T0, "online_user_count", "3212"), row(T0, "online_room_count", "1231"),
        row(T0.plusSeconds(30), "online_user_count", "3211"), row(T0.plusSeconds(30), "online_room_count", "1232"),
        row(T0.plusSeconds(60), "online_user_count", "3210"), row(T0.plusSeconds(60), "online_room_count", "1233")), rows);
  }

  @Test
  void withinABucketIndicatorsFollowTheQueryAndUnaskedOnesComeLast() {
    byte[] body = json("""
        {"Result":{"Indicators":[
          {"Name":"extra_b","Data":[{"Timestamp":"2021-07-24T00:00:00+08:00","Value":3}]},
          {"Name":"online_user_count","Data":[{"Timestamp":"2021-07-24T00:00:00+08:00","Value":1}]},
          {"Name":"extra_a","Data":[{"Timestamp":"2021-07-24T00:00:00+08:00","Value":4}]},
          {"Name":"online_room_count","Data":[{"Timestamp":"2021-07-24T00:00:00+08:00","Value":2}]}]}}""");

    List<String> order = RealtimeResponseParser.parse(body, "app1", List.of("online_room_count", "online_user_count"))
        .stream().map(r -> r.labels().get(1)).toList();

    assertEquals(List.of("online_room_count", "online_user_count", "extra_b", "extra_a"), order);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Timestamp", "TimeStamp", "timestamp", "TIMESTAMP"})
  void theTimestampIsReadInAnySpelling(String field) {
    byte[] body = json("{\"Result\":{\"Indicators\":[{\"Name\":\"online_user_count\",\"Data\":[{\"" + field
        + "\":\"2021-07-24T00:00:30+08:00\",\"Value\":5}]}]}}");

    assertEquals(List.of(row(T0.plusSeconds(30), "online_user_count", "5")),
        RealtimeResponseParser.parse(body, "app1", BOTH));
  }

  @Test
  void valuesKeepTheirDigitsAndUnitsOverviewsAndUnknownFieldsAreIgnored() {
    byte[] body = json("""
        {"ResponseMetadata":{"RequestId":"r"},"Result":{"Total":1,"Indicators":[
          {"Unit":"count","overview":{"max":12.5,"series":[1,2]},"Data":[
            {"Value":12.50,"Timestamp":"2021-07-24T00:00:00+08:00","Extra":[{"a":null}]},
            {"Timestamp":"2021-07-24T00:00:30Z","Value":"7.10"},
            {"Timestamp":"2021-07-24T00:01:00+08:00","Value":null}],
           "Name":"online_user_count"}]},"Trailer":{"x":[1]}}""");

    List<Row> rows = RealtimeResponseParser.parse(body, "app1", BOTH);

    assertEquals(2, rows.size());
    assertEquals("12.50", rows.get(0).value().toString());
    assertEquals("7.10", rows.get(1).value().toString());
    assertEquals(Instant.parse("2021-07-24T00:00:30Z"), rows.get(1).time());
  }

  @Test
  void aResultWithoutIndicatorsHasNoRows() {
    assertEquals(List.of(), RealtimeResponseParser.parse(json("{\"Result\":{\"Indicators\":[]}}"), "app1", BOTH));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"ResponseMetadata\":{}}", "{\"Result\":null}"})
  void nullOrMissingResultIsAnEmptyResultAsTheSdksReadIt(String text) {
    assertEquals(List.of(), RealtimeResponseParser.parse(json(text), "app1", BOTH));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not json", "[1,2]",
      "{\"Result\":{\"Indicators\":[{\"Name\":\"x\",\"Data\":[{\"Value\":1}]}]}}",
      "{\"Result\":{\"Indicators\":[{\"Data\":[]}]}}",
      "{\"Result\":{\"Indicators\":[{\"Name\":\"x\",\"Data\":[{\"Timestamp\":\"yesterday\",\"Value\":1}]}]}}",
      "{\"Result\":{\"Indicators\":[{\"Name\":\"x\",\"Data\":[{\"Timestamp\":\"2021-07-24T00:00:00Z\",\"Value\":\"many\"}]}]}}",
      "{\"Result\":{\"Indicators\":[{\"Name\":\"x\",\"Data\":[{\"Timestamp\":\"2021-07-24T00:00:00Z\",\"Value\":1}"})
  void anythingElseIsAnUnreadableResponse(String text) {
    ServiceFailureException e = assertThrows(ServiceFailureException.class,
        () -> RealtimeResponseParser.parse(json(text), "app1", BOTH));

    assertTrue(e.getMessage().startsWith("ListRealTimeOperationData: unreadable response: "), e.getMessage());
    assertTrue(e.getMessage().length() < 300 && !e.getMessage().contains("\n"), e.getMessage());
    assertTrue(e.getMessage().contains("; the response begins: "), e.getMessage());
  }

  @Test
  void theExampleAsDocumentedIsNotRepaired() throws IOException {
    byte[] missingCommas = resource("list-realtime-example-as-documented.json");

    assertThrows(ServiceFailureException.class, () -> RealtimeResponseParser.parse(missingCommas, "app1", BOTH));
  }
}
