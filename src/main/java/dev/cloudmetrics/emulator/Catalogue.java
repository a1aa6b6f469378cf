package dev.cloudmetrics.emulator;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The one account the emulator serves: its RTC apps (what {@code ListApps} lists) and its live
 * domains and streams (what {@code GetCdnDomains} and {@code GetLiveTopOnlineUserData} list). The
 * values of every app and stream come from {@link SyntheticData}, as for any other name, so what
 * discovery finds has data and ranks as its per-minute values do.
 */
public final class Catalogue {
  /** An RTC app; the keys are fake, and exist so that tests can check they never leave the client's parser. */
  public record App(String appId, String appName, Instant createdAt, int status, String appKey,
      String secondaryAppKey) {}

  /** A live pull domain of the account. */
  public record Domain(String domainId, String domainName) {}

  /** A live stream: its pull URL, its domain, and when in every three hours it is on air. */
  public record Stream(String streamUrl, Domain domain, int phaseMinutes) {
    /** On air 150 minutes of every 180 (from its phase): streams start and end by the hour. */
    public boolean onAirAt(Instant minute) {
      long epochMinute = Math.floorDiv(minute.getEpochSecond(), 60);
      return Math.floorMod(epochMinute + phaseMinutes, CYCLE_MINUTES) < ON_AIR_MINUTES;
    }
  }

  static final int CYCLE_MINUTES = 180;
  static final int ON_AIR_MINUTES = 150;
  /** Streams a domain carries: two domains of 150 hold more than the 200 one top call returns. */
  static final int STREAMS_PER_DOMAIN = 150;
  /** The app that exists only in the first half of every hour, so that a refreshed list changes. */
  public static final String HALF_HOUR_APP = "demo-events";

  public static final List<Domain> DOMAINS = List.of(
      new Domain("2D09NSH", "demo.example"),
      new Domain("2D09NSJ", "live2.demo.example"));

  private static final List<String> STEADY_APPS = List.of("demo", "app1", "app2", "app-suspended");
  private static final List<Stream> STREAMS = allStreams();

  private Catalogue() {}

  /** The apps that exist at {@code now}, oldest first (ListApps' default order). */
  public static List<App> apps(Instant now) {
    List<App> apps = new ArrayList<>();
    for (int i = 0; i < STEADY_APPS.size(); i++) {
      String id = STEADY_APPS.get(i);
      Instant created = Instant.parse("2021-08-17T09:48:41Z").plus(Duration.ofDays(40L * i));
      // Status 6: suspended for arrears; listed all the same, as ListApps does.
      apps.add(app(id, created, id.endsWith("-suspended") ? 6 : 1));
    }
    Instant hour = now.atOffset(ZoneOffset.UTC).withMinute(0).withSecond(0).withNano(0).toInstant();
    if (now.isBefore(hour.plus(Duration.ofMinutes(30)))) {
      apps.add(app(HALF_HOUR_APP, hour, 1));
    }
    apps.sort(Comparator.comparing(App::createdAt));
    return apps;
  }

  /** Every stream of the account, on air or not. */
  public static List<Stream> streams() {
    return STREAMS;
  }

  /** The domain with that id, if the account has it. */
  static Optional<Domain> domain(String domainId) {
    return DOMAINS.stream().filter(d -> d.domainId().equals(domainId)).findFirst();
  }

  private static App app(String id, Instant created, int status) {
    return new App(id, "Demo " + id, created, status, fakeKey("appkey", id), fakeKey("secondary", id));
  }

  /** 32 hex digits, like a real app key, marked so that a leak is easy to grep for. */
  private static String fakeKey(String kind, String appId) {
    long mixed = SyntheticData.nameHash(kind, appId);
    return "emukey" + String.format("%016x%010x", mixed, Math.floorMod(mixed >>> 7, 1L << 40));
  }

  private static List<Stream> allStreams() {
    List<Stream> streams = new ArrayList<>();
    for (Domain domain : DOMAINS) {
      for (int i = 1; i <= STREAMS_PER_DOMAIN; i++) {
        String url = "rtmp://" + domain.domainName() + "/live/ch" + String.format("%03d", i);
        streams.add(new Stream(url, domain, Math.floorMod(SyntheticData.nameHash(url), CYCLE_MINUTES)));
      }
    }
    return List.copyOf(streams);
  }
}
