package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The one line every failure ends in: secrets masked and control characters escaped, also for bugs. */
class FailureReporterTest {
  static final String SIGNATURE = "9f2c4e1a".repeat(8);
  static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=AKLTsecretkeyid/20240520/cn-shanghai-1/cdn/aws4_request, "
      + "SignedHeaders=host;x-amz-date, Signature=" + SIGNATURE;

  @Test
  void anInternalErrorQuotingAHeaderIsRedactedOnItsLineAndInTheDebugTrace() {
    for (boolean debug : new boolean[] {false, true}) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();

      int code = FailureReporter.report(new IllegalArgumentException("invalid header value for Authorization: "
          + AUTHORIZATION + "\r\nX-Security-Token: sts-token-0123456789"), new PrintStream(err, true, StandardCharsets.UTF_8),
          debug);

      String shown = err.toString(StandardCharsets.UTF_8);
      assertEquals(ExitCode.INTERNAL, code);
      assertTrue(shown.startsWith("cloudmetrics: internal error (java.lang.IllegalArgumentException: invalid header "
          + "value for Authorization: <redacted>\\r\\nX-Security-Token: <redacted>); this is a bug"), shown);
      assertFalse(shown.contains(SIGNATURE) || shown.contains("AKLTsecretkeyid") || shown.contains("sts-token"), shown);
    }
  }
}
