package dev.cloudmetrics.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cloudmetrics.auth.Credentials;
import dev.cloudmetrics.http.HttpTransport;
import dev.cloudmetrics.http.RequestLog;
import dev.cloudmetrics.http.ScriptedServer;
import dev.cloudmetrics.http.TransportSettings;
import dev.cloudmetrics.time.TimeWindow;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** ListApps paging: Offset grows by what each page held until it reaches Total, or a page is empty. */
class AppListerTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-20T04:00:00Z"), ZoneOffset.UTC);

  static String page(int from, int count, int total) {
    String apps = IntStream.range(from, from + count)
        .mapToObj(i -> "{\"AppId\":\"app" + i + "\",\"AppKey\":\"k\",\"Status\":1}").collect(Collectors.joining(","));
    return "{\"ResponseMetadata\":{},\"Result\":{\"AppList\":[" + apps + "],\"Limit\":100,\"Offset\":" + from
        + ",\"Total\":" + total + "}}";
  }

  static List<String> listed(ScriptedServer server) {
    RealtimeQuery query = new RealtimeQuery(List.of("all"), List.of("online_user_count"),
        new TimeWindow(CLOCK.instant().minusSeconds(60), CLOCK.instant()), RtcRegion.CN_NORTH_1, server.uri(),
        Optional.empty());
    try (HttpTransport transport = new HttpTransport(TransportSettings.defaults(), RequestLog.silent())) {
      return new AppLister(transport, Credentials.of("AKLTtest", "secret", "test"), CLOCK, query).list();
    }
  }

  @Test
  void pagesUntilTotal() throws IOException {
    try (ScriptedServer server = new ScriptedServer(ScriptedServer.Reply.of(200, page(0, 100, 130)),
        ScriptedServer.Reply.of(200, page(100, 30, 130)))) {
      List<String> apps = listed(server);

      assertEquals(130, apps.size());
      assertEquals("app129", apps.get(129));
      assertEquals(2, server.requestCount());
    }
  }

  @Test
  void anEmptyPageEndsTheListingWhateverTotalSays() throws IOException {
    try (ScriptedServer server = new ScriptedServer(ScriptedServer.Reply.of(200, page(0, 3, 10)),
        ScriptedServer.Reply.of(200, page(3, 0, 10)))) {
      assertEquals(List.of("app0", "app1", "app2"), listed(server));
      assertEquals(2, server.requestCount());
    }
  }
}
