package dev.cloudmetrics.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.failure.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The forms of --serve ADDR that cli.md names, and the refusals of everything else. */
class ServeAddressTest {
  @Test
  void hostPortColonPortAndBracketedIpv6() {
    assertEquals(new ServeAddress("127.0.0.1", 9184), ServeAddress.parse("127.0.0.1:9184"));
    assertEquals(new ServeAddress("localhost", 0), ServeAddress.parse("localhost:0"));
    assertEquals(new ServeAddress(ServeAddress.ANY, 9184), ServeAddress.parse(":9184"));
    assertEquals(new ServeAddress("::1", 65535), ServeAddress.parse("[::1]:65535"));
  }

  @Test
  void everythingElseIsRefusedNamingTheValue() {
    for (String bad : new String[] {"9184", "host:", "host:x", ":-1", ":65536", "::1:9184", ""}) {
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> ServeAddress.parse(bad), bad);
      assertTrue(e.getMessage().startsWith("--serve '" + bad + "': "), e.getMessage());
      assertTrue(e.getMessage().endsWith("expected HOST:PORT or :PORT (port 0 picks a free one), e.g. 127.0.0.1:9184"),
          e.getMessage());
    }
  }
}
