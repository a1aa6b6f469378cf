package dev.cloudmetrics.cdn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.discovery.RefreshedList;
import dev.cloudmetrics.emulator.Catalogue;
import dev.cloudmetrics.emulator.DemoCredentials;
import dev.cloudmetrics.emulator.Emulator;
import dev.cloudmetrics.emulator.EmulatorOptions;
import dev.cloudmetrics.http.HttpTransport;
import dev.cloudmetrics.http.RequestLog;
import dev.cloudmetrics.http.TransportSettings;
import dev.cloudmetrics.rtc.SimulatedTime;
import dev.cloudmetrics.time.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The CDN top list behind a {@link RefreshedList}, as a poll loop (--watch, --sync, --serve) asks
 * it at each poll: the streams that went on air appear and those that ended go, at the next listing.
 */
class TopStreamsRefreshTest {
  static final Instant START = Instant.parse("2024-05-20T04:00:00Z");

  @Test
  void aLoopAskingAtEachPollFollowsStreamsThatStartAndEnd() throws InterruptedException {
    SimulatedTime time = new SimulatedTime(START, Instant.MAX);
    List<String> notices = new ArrayList<>();
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, time, 0, false));
        HttpTransport transport = new HttpTransport(TransportSettings.defaults(), RequestLog.silent())) {
      OnlineUsersQuery query = new OnlineUsersQuery(List.of(), List.of(BillingRegion.CN), Granularity.M1, true,
          new TimeWindow(START.minus(Duration.ofHours(1)), START), "cn-shanghai-1", emulator.baseUri());
      TopStreamsLister lister = new TopStreamsLister(transport, DemoCredentials.KSYUN, time, query,
          new TopStreams(400, true, List.of()), notices::add);
      RefreshedList streams = new RefreshedList("streams", lister::list, Duration.ofMinutes(10), lister.list(),
          START, time, ZoneOffset.ofHours(8), notices::add);
      List<String> first = streams.current();
      int requests = emulator.requestCount();

      time.sleep(Duration.ofMinutes(5));
      assertEquals(first, streams.current(), "not due yet");
      assertEquals(requests, emulator.requestCount(), "nothing sent before it is due");
      time.sleep(Duration.ofMinutes(5));
      List<String> later = streams.current();

      Instant minuteBefore = TopStreamsLister.minuteAskedAt(START);
      Instant minuteAfter = TopStreamsLister.minuteAskedAt(time.instant());
      Set<String> ended = new HashSet<>(first);
      later.forEach(ended::remove);
      Set<String> started = new HashSet<>(later);
      first.forEach(started::remove);
      assertFalse(ended.isEmpty() && started.isEmpty(), "in ten minutes of 300 streams, some start or end");
      for (String url : ended) {
        assertTrue(stream(url).onAirAt(minuteBefore) && !stream(url).onAirAt(minuteAfter), url);
      }
      for (String url : started) {
        assertTrue(!stream(url).onAirAt(minuteBefore) && stream(url).onAirAt(minuteAfter), url);
      }
      assertEquals(requests + 3, emulator.requestCount(), "GetCdnDomains and a top list per domain, once");
      assertTrue(notices.stream().anyMatch(n -> n.startsWith("the streams listed again: ")), notices.toString());
    }
  }

  static Catalogue.Stream stream(String url) {
    return Catalogue.streams().stream().filter(s -> s.streamUrl().equals(url)).findFirst().orElseThrow();
  }
}
