package dev.cloudmetrics.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.failure.InvalidInputException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** Starting, addressing and stopping the emulator, and what it tells its user. */
class EmulatorTest {

  @Test
  void listensOnLoopbackAtTheChosenOrAFreePort() {
    try (Emulator emulator = Emulator.start(EmulatorOptions.defaults())) {
      assertTrue(emulator.port() > 0);
      assertEquals(URI.create("http://127.0.0.1:" + emulator.port()), emulator.baseUri());
      assertEquals(0, emulator.requestCount());
    }
  }

  @Test
  void aPortInUseIsTheUsersInputProblem() {
    try (Emulator first = Emulator.start(EmulatorOptions.defaults())) {
      int port = first.port();
      EmulatorOptions same = new EmulatorOptions(port, Clock.systemUTC(), 2, false);

      InvalidInputException e = assertThrows(InvalidInputException.class, () -> Emulator.start(same));

      assertTrue(e.getMessage().startsWith("--port '" + port + "': cannot listen on 127.0.0.1:" + port + " ("),
          e.getMessage());
      assertTrue(e.getMessage().endsWith(")"), e.getMessage());
    }
  }

  @Test
  void closeStopsServingAtOnce() {
    Emulator emulator = Emulator.start(EmulatorOptions.defaults());
    URI base = emulator.baseUri();
    emulator.close();

    assertThrows(UncheckedIOException.class, () -> LoopbackCalls.send(
        LoopbackCalls.rtcRequest(base, "{}")));
  }

  @Test
  void bannerTellsWhereAndHowToConnect() {
    URI base = URI.create("http://127.0.0.1:8080");

    String banner = DemoCredentials.banner(base);

    assertTrue(banner.contains("http://127.0.0.1:8080"), banner);
    assertTrue(banner.contains("export VOLCENGINE_ACCESS_KEY=" + DemoCredentials.VOLCENGINE.accessKeyId()), banner);
    assertTrue(banner.contains("export VOLCENGINE_SECRET_KEY=" + DemoCredentials.VOLCENGINE.secretAccessKey()), banner);
    assertTrue(banner.contains("export KSYUN_ACCESS_KEY=" + DemoCredentials.KSYUN.accessKeyId()), banner);
    assertTrue(banner.contains("export KSYUN_SECRET_KEY=" + DemoCredentials.KSYUN.secretAccessKey()), banner);
    assertEquals(2, banner.lines().filter(line -> line.contains("--endpoint http://127.0.0.1:8080")).count(), banner);
  }

  @Test
  void bannerEndsWithTheFaultsInjectedIfAny() {
    URI base = URI.create("http://127.0.0.1:8080");

    assertEquals(DemoCredentials.banner(base), DemoCredentials.banner(base, FaultPlan.none()));
    assertTrue(DemoCredentials.banner(base, FaultPlan.parse("503=5%,slow=1%"))
        .endsWith(System.lineSeparator() + "Injecting faults: 503=5%,slow=1%:3s,seed=0"));
  }

  @Test
  void demoKeysLookLikeTheVendorsAndHideTheirSecrets() {
    assertTrue(DemoCredentials.VOLCENGINE.accessKeyId().startsWith("AKLT"));
    assertTrue(DemoCredentials.VOLCENGINE_STS.accessKeyId().startsWith("AKTP"));
    assertTrue(DemoCredentials.VOLCENGINE_STS.sessionToken().isPresent());
    assertTrue(DemoCredentials.KSYUN.accessKeyId().startsWith("AKLT"));
    assertTrue(!DemoCredentials.KSYUN.toString().contains(DemoCredentials.KSYUN.secretAccessKey()));
  }

}
