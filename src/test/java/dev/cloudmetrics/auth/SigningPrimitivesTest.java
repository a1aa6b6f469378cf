package dev.cloudmetrics.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The HMAC the signers chain is HMAC-SHA256 exactly as the JDK's {@code Mac} computes it. */
class SigningPrimitivesTest {
  @Test
  void hmacMatchesTheJdkForKeysShorterLongerAndAsLongAsTheBlock() throws Exception {
    Random random = new Random(20261126);
    for (int keyLength : new int[] {1, 20, 32, 63, 64, 65, 100, 131, 200}) {
      for (int round = 0; round < 20; round++) {
        byte[] key = new byte[keyLength];
        random.nextBytes(key);
        StringBuilder data = new StringBuilder();
        random.ints(random.nextInt(300), 0x20, 0x2FF).forEach(data::appendCodePoint);

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        assertArrayEquals(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)),
            SigningPrimitives.hmac(key, data.toString()), "key of " + keyLength + " bytes");
      }
    }
  }

  @Test
  void hmacOfRfc4231TestCaseTwo() {
    // RFC 4231 section 4.3: key "Jefe", data "what do ya want for nothing?"
    assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        HexFormat.of().formatHex(SigningPrimitives.hmac("Jefe".getBytes(StandardCharsets.US_ASCII),
            "what do ya want for nothing?")));
  }
}
