package dev.cloudmetrics.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedactionTest {
  private static final String SIGNATURE = "9f2c4e1a".repeat(8);

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "HMAC-SHA256 Credential=AKLTexample12/20240520/cn-north-1/rtc/request, SignedHeaders=content-type;host;x-content-sha256;x-date, Signature=%s"
          + "|HMAC-SHA256 Credential=AKLT****/20240520/cn-north-1/rtc/request, SignedHeaders=content-type;host;x-content-sha256;x-date, Signature=<redacted>",
      "AWS4-HMAC-SHA256 Credential=AKLTks/20240520/cn-shanghai-1/cdn/aws4_request,SignedHeaders=host;x-action;x-amz-date;x-version,Signature=%s"
          + "|AWS4-HMAC-SHA256 Credential=AKLT****/20240520/cn-shanghai-1/cdn/aws4_request, SignedHeaders=host;x-action;x-amz-date;x-version, Signature=<redacted>",
      "Bearer %s|Bearer <redacted>",
      "Basic%s|<redacted>",
  })
  void authorizationKeepsScopeAndSignedHeadersButNotTheSignature(String value, String shown) {
    assertEquals(shown, Redaction.headerValue("Authorization", value.formatted(SIGNATURE)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"X-Security-Token", "x-amz-security-token", "Cookie"})
  void tokenHeadersAreRedacted(String name) {
    assertEquals("<redacted>", Redaction.headerValue(name, "FQoGZXIvYXdzEJr//token"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Content-Type", "X-Date", "X-Content-Sha256", "X-Action"})
  void ordinaryHeadersAreShownAsTheyAre(String name) {
    assertEquals("application/json; charset=UTF-8", Redaction.headerValue(name, "application/json; charset=UTF-8"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "https://rtc.volcengineapi.com/?Action=ListRealTimeOperationData&Version=2020-12-01"
          + "|https://rtc.volcengineapi.com/?Action=ListRealTimeOperationData&Version=2020-12-01",
      "https://h.example/p?X-Amz-Credential=AKLTabcd%2F20240520%2Fcn%2Fcdn%2Faws4_request&X-Amz-Signature=%s&X-Amz-Security-Token=tok"
          + "|https://h.example/p?X-Amz-Credential=AKLT****%2F20240520%2Fcn%2Fcdn%2Faws4_request&X-Amz-Signature=<redacted>&X-Amz-Security-Token=<redacted>",
      "http://user:pass@127.0.0.1:8080/x?Signature=%s&SecurityToken=t&a=1"
          + "|http://<redacted>@127.0.0.1:8080/x?Signature=<redacted>&SecurityToken=<redacted>&a=1",
  })
  void urlsLoseTheirSignaturesAndTokens(String url, String shown) {
    assertEquals(shown, Redaction.url(URI.create(url.replace("%s", SIGNATURE))));
  }

  @ParameterizedTest
  @CsvSource({"AKLTexample12,AKLT****", "AKLTx,AKLT****", "AKLT,****", "A,****"})
  void anAccessKeyIdShowsAtMostFourCharactersAndNeverAllOfIt(String keyId, String shown) {
    assertEquals(shown, Redaction.accessKeyId(keyId));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"AppId\":\"a\",\"AppKey\":\"k1\",\"SecondaryAppKey\" : \"k\\\"2\"}"
          + "|{\"AppId\":\"a\",\"AppKey\":\"<redacted>\",\"SecondaryAppKey\" : \"<redacted>\"}",
      "{\"Token\":\"t\",\"Value\":3,\"Name\":\"online_user_count\"}"
          + "|{\"Token\":\"<redacted>\",\"Value\":3,\"Name\":\"online_user_count\"}",
      "not json at all|not json at all"
  })
  void jsonBodiesLoseTheirKeysAndTokens(String body, String shown) {
    assertEquals(shown, Redaction.jsonBody(body));
  }
}
