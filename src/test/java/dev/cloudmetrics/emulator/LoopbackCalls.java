package dev.cloudmetrics.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudmetrics.auth.AwsV4Signer;
import dev.cloudmetrics.auth.Credentials;
import dev.cloudmetrics.auth.VolcengineSigner;
import dev.cloudmetrics.http.ApiRequest;
import dev.cloudmetrics.http.FormEncoding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Real HTTP to the emulator over loopback, signed by the project's own signers. */
final class LoopbackCalls {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** What came back: status, headers and the body as text. */
  record Answer(int status, HttpResponse<String> response) {
    String body() {
      return response.body();
    }

    String header(String name) {
      return response.headers().firstValue(name).orElse("");
    }

    JsonNode json() {
      try {
        return new ObjectMapper().readTree(response.body());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The Volcengine error object, or the KSYun one. */
    JsonNode error() {
      JsonNode root = json();
      return root.has("ResponseMetadata") ? root.get("ResponseMetadata").get("Error") : root.get("Error");
    }

    String code() {
      return error().get("Code").asText();
    }
  }

  private LoopbackCalls() {}

  static String rtcBody(String appId, String start, String end, String... indicators) {
    StringBuilder json = new StringBuilder("{\"AppId\":\"" + appId + "\",\"StartTime\":\"" + start
        + "\",\"EndTime\":\"" + end + "\",\"Indicator\":[");
    for (int i = 0; i < indicators.length; i++) {
      json.append(i == 0 ? "" : ",").append('"').append(indicators[i]).append('"');
    }
    return json.append("]}").toString();
  }

  static ApiRequest rtcRequest(URI base, String body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("Accept", "application/json");
    return new ApiRequest("POST", URI.create(base + "/?Action=ListRealTimeOperationData&Version=2020-12-01"), headers,
        body.getBytes(StandardCharsets.UTF_8));
  }

  static ApiRequest rtcSigned(URI base, String body, Credentials credentials, Instant at) {
    return new VolcengineSigner("cn-north-1", "rtc").sign(rtcRequest(base, body), credentials, at);
  }

  /** The parameters of a CDN request that the emulator accepts at 12:00 Beijing time on 2024-05-20. */
  static Map<String, String> cdnParameters() {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("StartTime", "2024-05-20T10:00+0800");
    parameters.put("EndTime", "2024-05-20T11:00+0800");
    parameters.put("StreamUrls", "rtmp://demo.example/live/a");
    parameters.put("Regions", "CN");
    parameters.put("ResultType", "0");
    parameters.put("Granularity", "5");
    parameters.put("CdnType", "live");
    return parameters;
  }

  static ApiRequest cdnRequest(URI base, Map<String, String> parameters) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Action", "GetLiveOnlineUserDataByStream");
    headers.put("X-Version", "2016-09-01");
    headers.put("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8");
    headers.put("Accept", "application/json");
    String form = FormEncoding.encode(List.copyOf(parameters.entrySet()));
    return new ApiRequest("POST", URI.create(base + "/2016-09-01/statistics/GetLiveOnlineUserDataByStream"), headers,
        form.getBytes(StandardCharsets.UTF_8));
  }

  static ApiRequest cdnSigned(URI base, Map<String, String> parameters, Credentials credentials, Instant at) {
    return sign(cdnRequest(base, parameters), credentials, at);
  }

  static ApiRequest sign(ApiRequest cdnRequest, Credentials credentials, Instant at) {
    return new AwsV4Signer("cn-shanghai-1", "cdn").sign(cdnRequest, List.of("X-Action", "X-Version"), credentials, at);
  }

  static Answer send(ApiRequest request) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
        .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
    request.headers().forEach(builder::header);
    try {
      HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The same request with one header replaced, as a client with a bug (or an attacker) would send it. */
  static ApiRequest withHeader(ApiRequest request, String name, String value) {
    return request.withHeaders(Map.of(name, value));
  }

  /** The same signed headers over another body: what a tampered request looks like. */
  static ApiRequest withBody(ApiRequest request, String body) {
    return new ApiRequest(request.method(), request.uri(), request.headers(), body.getBytes(StandardCharsets.UTF_8));
  }

  /** The same request without one header. */
  static ApiRequest without(ApiRequest request, String name) {
    Map<String, String> headers = new LinkedHashMap<>(request.headers());
    headers.keySet().removeIf(name::equalsIgnoreCase);
    return new ApiRequest(request.method(), request.uri(), headers, request.body());
  }
}
