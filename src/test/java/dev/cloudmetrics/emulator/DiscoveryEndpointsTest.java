package dev.cloudmetrics.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudmetrics.auth.VolcengineSigner;
import dev.cloudmetrics.http.ApiRequest;
import dev.cloudmetrics.http.FormEncoding;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The emulator's discovery actions over loopback: RTC ListApps, CDN GetLiveTopOnlineUserData and GetCdnDomains. */
class DiscoveryEndpointsTest {
  static final Instant NOW = Instant.parse("2024-05-20T04:10:00Z");
  static final Instant MINUTE = Instant.parse("2024-05-20T04:00:00Z"); // final at NOW

  Emulator emulator;

  @BeforeEach
  void start() {
    emulator = Emulator.start(new EmulatorOptions(0, Clock.fixed(NOW, ZoneOffset.UTC), 0, false));
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  LoopbackCalls.Answer listApps(String version, String body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    ApiRequest request = new ApiRequest("POST", URI.create(emulator.baseUri() + "/?Action=ListApps&Version=" + version),
        headers, body.getBytes(StandardCharsets.UTF_8));
    return LoopbackCalls.send(new VolcengineSigner("cn-north-1", "rtc")
        .sign(request, DemoCredentials.VOLCENGINE, NOW));
  }

  static List<String> ids(JsonNode result) {
    List<String> ids = new ArrayList<>();
    result.get("AppList").forEach(app -> ids.add(app.get("AppId").asText()));
    return ids;
  }

  @Test
  void listAppsPagesByOffsetAndCountsTotalBeforePaging() {
    List<String> all = Catalogue.apps(NOW).stream().map(Catalogue.App::appId).toList();
    LoopbackCalls.Answer first = listApps("2023-11-01", "{\"Limit\":\"2\",\"Offset\":\"0\"}");
    LoopbackCalls.Answer rest = listApps("2023-11-01", "{\"Limit\":2,\"Offset\":\"2\"}");

    assertEquals(200, first.status(), first.body());
    JsonNode result = first.json().get("Result");
    assertEquals(all.subList(0, 2), ids(result));
    assertEquals(all.size(), result.get("Total").asInt());
    assertEquals(2, result.get("Limit").asInt());
    assertEquals(all.subList(2, 4), ids(rest.json().get("Result")));
    JsonNode app = result.get("AppList").get(0);
    assertTrue(app.get("AppKey").asText().startsWith("emukey"), "fake keys, as the service sends real ones");
    assertTrue(app.get("CreateAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}\\+08:00"));
  }

  @Test
  void listAppsFiltersReversesAndClamps() {
    List<String> all = Catalogue.apps(NOW).stream().map(Catalogue.App::appId).toList();
    assertEquals(List.of("app1"), ids(listApps("2020-12-01", "{\"AppId\":\"app1\"}").json().get("Result")));
    assertEquals(all.get(all.size() - 1), ids(listApps("2023-11-01", "{\"Reverse\":1}").json().get("Result")).get(0));
    JsonNode clamped = listApps("2023-11-01", "{\"Limit\":\"500\"}").json().get("Result");
    assertEquals(100, clamped.get("Limit").asInt());
    assertEquals(all, ids(clamped));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2019-01-01|{}|404|InvalidActionOrVersion",
      "2020-12-01|{\"ProjectName\":\"default\"}|400|InvalidParameter",
      "2023-11-01|{\"Limit\":\"0\"}|400|InvalidParameter",
      "2023-11-01|{\"Offset\":\"-1\"}|400|InvalidParameter",
      "2023-11-01|[]|400|InvalidParameter"
  })
  void listAppsRefusesWhatTheServiceWould(String version, String body, int status, String code) {
    LoopbackCalls.Answer answer = listApps(version, body);
    assertEquals(status, answer.status(), answer.body());
    assertEquals(code, answer.code());
  }

  @Test
  void theHalfHourAppComesAndGoes() {
    assertTrue(Catalogue.apps(Instant.parse("2024-05-20T04:29:59Z")).stream()
        .anyMatch(app -> app.appId().equals(Catalogue.HALF_HOUR_APP)));
    assertTrue(Catalogue.apps(Instant.parse("2024-05-20T04:30:00Z")).stream()
        .noneMatch(app -> app.appId().equals(Catalogue.HALF_HOUR_APP)));
  }

  Map<String, String> topParameters(String limit) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("StartTime", "2024-05-20T12:00+0800");
    parameters.put("ResultType", "1");
    parameters.put("Regions", "CN,HK");
    parameters.put("LimitN", limit);
    return parameters;
  }

  LoopbackCalls.Answer top(String method, Map<String, String> parameters) {
    String form = FormEncoding.encode(List.copyOf(parameters.entrySet()));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Action", "GetLiveTopOnlineUserData");
    headers.put("X-Version", "2016-09-01");
    String path = emulator.baseUri() + "/2016-09-01/statistics/GetLiveTopOnlineUserData";
    ApiRequest request = method.equals("GET")
        ? new ApiRequest("GET", URI.create(path + "?" + form), headers, new byte[0])
        : new ApiRequest("POST", URI.create(path), withForm(headers), form.getBytes(StandardCharsets.UTF_8));
    return LoopbackCalls.send(LoopbackCalls.sign(request, DemoCredentials.KSYUN, NOW));
  }

  static Map<String, String> withForm(Map<String, String> headers) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8");
    return more;
  }

  @Test
  void theTopListIsRankedByThePerMinuteValuesOfByStream() {
    for (String method : List.of("GET", "POST")) {
      LoopbackCalls.Answer answer = top(method, topParameters("30"));

      assertEquals(200, answer.status(), answer.body());
      JsonNode datas = answer.json().get("Datas");
      assertEquals(30, datas.size());
      assertEquals("30", answer.json().get("LimitN").asText(), "request fields echoed as strings");
      long previous = Long.MAX_VALUE;
      for (JsonNode item : datas) {
        String url = item.get("StreamUrl").asText();
        long cn = SyntheticData.cdnPeak(url, "CN", MINUTE, 1, NOW);
        long hk = SyntheticData.cdnPeak(url, "HK", MINUTE, 1, NOW);
        assertEquals(cn + hk, item.get("OnlineUser").asLong(), url);
        assertEquals(cn, item.get("Regions").get(0).get("OnlineUser").asLong());
        assertTrue(cn + hk <= previous, "descending");
        previous = cn + hk;
      }
    }
  }

  @Test
  void onlyStreamsOnAirWithViewersAreListed() {
    Map<String, String> parameters = topParameters("200");
    parameters.put("DomainIds", Catalogue.DOMAINS.get(0).domainId());
    JsonNode datas = top("POST", parameters).json().get("Datas");

    long onAir = Catalogue.streams().stream()
        .filter(s -> s.domain().equals(Catalogue.DOMAINS.get(0)) && s.onAirAt(MINUTE)).count();
    assertEquals(onAir, datas.size());
    assertTrue(onAir < Catalogue.STREAMS_PER_DOMAIN, "some streams are off air");
    // A minute whose data has not arrived yet has no viewers to rank.
    Map<String, String> late = topParameters("200");
    late.put("StartTime", "2024-05-20T12:09+0800");
    assertEquals(0, top("GET", late).json().get("Datas").size());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "StartTime|2024-05-20 12:00|InvalidStartTime.Malformed",
      "StartTime|2024-03-01T12:00+0800|InvalidTime",
      "ResultType|2|InvalidResultType",
      "Regions|XX|InvalidRegion",
      "LimitN|0|InvalidLimitN",
      "LimitN|201|InvalidLimitN",
      "DomainIds|NOTMINE|InvalidDomain.NotFound"
  })
  void theTopListRefusesWhatTheServiceWould(String name, String value, String code) {
    Map<String, String> parameters = topParameters("10");
    parameters.put(name, value);
    LoopbackCalls.Answer answer = top("POST", parameters);
    assertEquals(400, answer.status(), answer.body());
    assertEquals(code, answer.code());
  }

  @Test
  void cdnDomainsListsTheLiveDomains() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Action", "GetCdnDomains");
    headers.put("X-Version", "2016-09-01");
    ApiRequest request = new ApiRequest("GET", URI.create(emulator.baseUri()
        + "/2016-09-01/domain/GetCdnDomains?CdnType=live&PageSize=1&PageNumber=2"), headers, new byte[0]);
    LoopbackCalls.Answer answer = LoopbackCalls.send(LoopbackCalls.sign(request, DemoCredentials.KSYUN, NOW));

    assertEquals(200, answer.status(), answer.body());
    assertEquals(Catalogue.DOMAINS.size(), answer.json().get("TotalCount").asInt());
    assertEquals(Catalogue.DOMAINS.get(1).domainId(), answer.json().get("Domains").get(0).get("DomainId").asText());
  }

  @Test
  void discoveryIsSignedLikeEverythingElse() {
    String form = FormEncoding.encode(List.copyOf(topParameters("10").entrySet()));
    ApiRequest unsigned = new ApiRequest("POST", URI.create(emulator.baseUri()
        + "/2016-09-01/statistics/GetLiveTopOnlineUserData"), withForm(Map.of("X-Action", "GetLiveTopOnlineUserData")),
        form.getBytes(StandardCharsets.UTF_8));
    assertEquals(403, LoopbackCalls.send(unsigned).status());
  }
}
