package dev.cloudmetrics.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RequestPrinterTest {

  private static String printed(ApiRequest request) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RequestPrinter.print(request, new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void showsTheSignedRequestWithTheSecretsMasked() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("X-Date", "20240520T020000Z");
    headers.put("X-Security-Token", "STSsessiontoken");
    headers.put("Authorization", "HMAC-SHA256 Credential=AKLTdemo1234/20240520/cn-north-1/rtc/request, "
        + "SignedHeaders=content-type;host;x-content-sha256;x-date;x-security-token, Signature=" + "ab12".repeat(16));
    ApiRequest request = new ApiRequest("POST",
        URI.create("https://rtc.volcengineapi.com/?Action=ListRealTimeOperationData&Version=2020-12-01"), headers,
        "{\"AppId\":\"app1\"}".getBytes(StandardCharsets.UTF_8));

    assertEquals("""
        POST https://rtc.volcengineapi.com/?Action=ListRealTimeOperationData&Version=2020-12-01
        Host: rtc.volcengineapi.com
        Content-Type: application/json
        X-Date: 20240520T020000Z
        X-Security-Token: <redacted>
        Authorization: HMAC-SHA256 Credential=AKLT****/20240520/cn-north-1/rtc/request, \
        SignedHeaders=content-type;host;x-content-sha256;x-date;x-security-token, Signature=<redacted>

        {"AppId":"app1"}

        """, printed(request));
  }

  @Test
  void noSignatureEverReachesTheOutput() {
    Random random = new Random(7);
    for (int i = 0; i < 200; i++) {
      byte[] bytes = new byte[32];
      random.nextBytes(bytes);
      String signature = HexFormat.of().formatHex(bytes);
      String spacing = random.nextBoolean() ? ", " : ",";
      ApiRequest request = new ApiRequest("POST", URI.create("http://127.0.0.1:8080/2016-09-01/statistics/X?Signature=" + signature),
          Map.of("Authorization", "AWS4-HMAC-SHA256 Credential=AKLTx/20240520/cn-shanghai-1/cdn/aws4_request"
              + spacing + "SignedHeaders=host;x-action" + spacing + "Signature=" + signature),
          "StartTime=2024-05-20T10%3A00%2B0800".getBytes(StandardCharsets.UTF_8));

      String out = printed(request);
      assertFalse(out.matches("(?s).*[0-9a-f]{64}.*"), out);
    }
  }
}
