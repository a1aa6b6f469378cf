package dev.cloudmetrics.emulator;

import dev.cloudmetrics.auth.Credentials;
import java.net.URI;
import java.util.Optional;

/** The key pairs the emulator knows: shaped like real ones, with secrets that say they are demos. */
public final class DemoCredentials {
  private static final String SOURCE = "emulator demo credentials";

  public static final Credentials VOLCENGINE = Credentials.of(
      "AKLTZGVtby12b2xjZW5naW5lLWVtdWxhdG9yLWtleQ", "demo-volcengine-secret-for-the-emulator", SOURCE);

  /** Temporary (STS) credentials: the emulator also wants the session token with them. */
  public static final Credentials VOLCENGINE_STS = new Credentials(
      "AKTPZGVtby1zdHMtZW11bGF0b3Ita2V5", "demo-sts-secret-for-the-emulator",
      Optional.of("demo-sts-session-token-for-the-emulator"), SOURCE);

  public static final Credentials KSYUN = Credentials.of(
      "AKLTa3N5dW5EZW1vRW11bGF0b3I", "demo-ksyun-secret-for-the-emulator", SOURCE);

  private DemoCredentials() {}

  /** The banner, then the faults the emulator injects when there are any. */
  public static String banner(URI baseUri, FaultPlan faults) {
    return faults.isEmpty() ? banner(baseUri)
        : banner(baseUri) + System.lineSeparator() + "Injecting faults: " + faults.spec();
  }

  /** What {@code cloudmetrics emulator} prints: where it listens, the exports, two commands to try. */
  public static String banner(URI baseUri) {
    return String.join(System.lineSeparator(),
        "cloudmetrics emulator: Volcengine RTC and KSYun CDN stand-ins on " + baseUri + " (Ctrl-C stops it)",
        "Demo credentials, to paste into another shell:",
        "  export VOLCENGINE_ACCESS_KEY=" + VOLCENGINE.accessKeyId(),
        "  export VOLCENGINE_SECRET_KEY=" + VOLCENGINE.secretAccessKey(),
        "  export KSYUN_ACCESS_KEY=" + KSYUN.accessKeyId(),
        "  export KSYUN_SECRET_KEY=" + KSYUN.secretAccessKey(),
        "Then try:",
        "  cloudmetrics rtc list-realtime --endpoint " + baseUri + " --app-id demo-app --last 10m",
        "  cloudmetrics cdn online-users --endpoint " + baseUri + " -s rtmp://demo.example/live/a --last 1h");
  }
}
