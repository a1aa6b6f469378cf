package dev.cloudmetrics.cdn;

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

class OnlineUsersResponseParserTest {
  private static final String STREAM = "rtmp://test.cn/live/ffea40ea2f8e4a5e95096e0f89227092";
  private static final Instant DAY1 = Instant.parse("2016-09-17T16:00:00Z");
  private static final Instant DAY2 = Instant.parse("2016-09-18T16:00:00Z");

  private static byte[] example() throws IOException {
    try (InputStream in = OnlineUsersResponseParserTest.class.getResourceAsStream("online-users-example.json")) {
      return in.readAllBytes();
    }
  }

  private static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theDocumentedExampleMergedIsOneUnlabelledRowPerBucket() throws IOException {
    assertEquals(List.of(new Row(DAY1, List.of(), new BigDecimal(2033)), new Row(DAY2, List.of(), BigDecimal.ONE)),
        OnlineUsersResponseParser.parse(example(), false));
  }

  @Test
  void theDocumentedExamplePerStreamIsLabelledByStreamAndRegion() throws IOException {
    assertEquals(List.of(new Row(DAY1, List.of(STREAM, "CN"), new BigDecimal(2033)),
        new Row(DAY2, List.of(STREAM, "CN"), BigDecimal.ONE)), OnlineUsersResponseParser.parse(example(), true));
  }

  @Test
  void perStreamRowsFollowTheResponseOrderWhereverTimeIsWritten() {
    byte[] body = json("""
        {"Datas":[{"Streams":[
            {"Regions":[{"Region":"CN","OnlineUser":7},{"OnlineUser":2,"Region":"HK"}],"StreamUrl":"rtmp://d/live/a","OnlineUser":9},
            {"StreamUrl":"rtmp://d/live/b","OnlineUser":4,"Regions":[{"Region":"CN","OnlineUser":4}]}],
          "OnlineUser":13,"Time":"2024-05-20T10:05+0800"}],
         "StartTime":"2024-05-20T10:00+0800","ResultType":1,"Granularity":5,"Extra":{"a":[1]}}""");
    Instant t = Instant.parse("2024-05-20T02:05:00Z");

    assertEquals(List.of(
        new Row(t, List.of("rtmp://d/live/a", "CN"), new BigDecimal(7)),
        new Row(t, List.of("rtmp://d/live/a", "HK"), new BigDecimal(2)),
        new Row(t, List.of("rtmp://d/live/b", "CN"), new BigDecimal(4))), OnlineUsersResponseParser.parse(body, true));
    assertEquals(List.of(new Row(t, List.of(), new BigDecimal(13))), OnlineUsersResponseParser.parse(body, false));
  }

  @Test
  void aStreamWithoutARegionBreakdownKeepsItsTotal() {
    byte[] body = json("{\"Datas\":[{\"Time\":\"2024-05-20T10:00+0800\",\"OnlineUser\":5,"
        + "\"Streams\":[{\"StreamUrl\":\"http://d/app/s\",\"OnlineUser\":5}]}]}");

    assertEquals(List.of(new Row(Instant.parse("2024-05-20T02:00:00Z"), List.of("http://d/app/s", ""), new BigDecimal(5))),
        OnlineUsersResponseParser.parse(body, true));
  }

  @Test
  void noBucketsMeansNoRows() {
    assertEquals(List.of(), OnlineUsersResponseParser.parse(json("{\"ResultType\":0,\"Datas\":[]}"), false));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"Datas\":null}", "{\"StartTime\":\"2024-05-20T10:00+0800\"}"})
  void nullOrMissingDatasIsAnEmptyResultAsTheSdksReadIt(String text) {
    assertEquals(List.of(), OnlineUsersResponseParser.parse(json(text), false));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "<html>502</html>",
      "{\"Datas\":[{\"OnlineUser\":1}]}", "{\"Datas\":[{\"Time\":\"noon\",\"OnlineUser\":1}]}",
      "{\"Datas\":[{\"Time\":\"2024-05-20T10:00+0800\",\"OnlineUser\":\"lots\"}]}",
      "{\"Datas\":[{\"Time\":\"2024-05-20T10:00+0800\",\"OnlineUser\":1}", "{\"Datas\":[1,2]}"})
  void anythingElseIsAnUnreadableResponse(String text) {
    ServiceFailureException e = assertThrows(ServiceFailureException.class,
        () -> OnlineUsersResponseParser.parse(json(text), false));

    assertTrue(e.getMessage().startsWith("GetLiveOnlineUserDataByStream: unreadable response: "), e.getMessage());
    assertTrue(e.getMessage().length() < 300 && !e.getMessage().contains("\n"), e.getMessage());
    assertTrue(e.getMessage().contains("; the response begins: "), e.getMessage());
  }
}
