package dev.cloudmetrics.cli;

import dev.cloudmetrics.emulator.DemoCredentials;
import dev.cloudmetrics.emulator.Emulator;
import dev.cloudmetrics.emulator.EmulatorOptions;
import dev.cloudmetrics.emulator.FaultPlan;
import dev.cloudmetrics.failure.InvalidInputException;
import dev.cloudmetrics.http.Endpoints;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code emulator}: both APIs on loopback, for trying the tool and for tests, until Ctrl-C. */
@Command(
    name = "emulator",
    header = "Local stand-ins of both APIs, for trying the tool and for tests.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Serve local stand-ins of both APIs on 127.0.0.1: signatures checked as the",
      "services do, every documented limit and error, deterministic synthetic data,",
      "and injected faults if asked. Prints the demo credentials, runs until Ctrl-C."
    },
    footerHeading = "%n",
    footer = {
      "--faults SPEC: FAULT=REACH[:TIME] entries, comma-separated, and maybe seed=N.",
      "  FAULT  429       throttled, in the vendor's envelope (Volcengine",
      "                   FlowLimitExceeded, KSYun Throttling), Retry-After TIME",
      "                   (whole seconds, default 1s)",
      "         500, 502, 503, 504  that status with the vendor's error body",
      "         html502   a proxy's HTML 502 page, no vendor envelope",
      "         reset     the connection closed without an answer",
      "         truncate  the body cut off before its Content-Length is reached",
      "         slow      the normal answer, TIME late (default 3s)",
      "         ok        the normal answer: ok=first3,503=100%% fails from the 4th on",
      "  REACH  P%%        that share of the requests, drawn per request from the",
      "                   seed (all shares together at most 100%%)",
      "         firstN    the next N requests, in the order written, before shares",
      "  TIME   500ms, 3s or 1m",
      "  seed=N the draw (default 0): the same SPEC and seed fail the same requests",
      "Faults come after routing and before the signature check: a faulted request",
      "is neither authenticated nor counted by --rtc-rate. 'none' turns them off.",
      "",
      "Examples:",
      "  cloudmetrics emulator --port 8080",
      "  # in another shell, after pasting the printed exports:",
      "  cloudmetrics cdn online-users --endpoint http://127.0.0.1:8080 \\",
      "      -s rtmp://demo.example/live/a",
      "  cloudmetrics emulator --faults 429=10%%,503=5%%,reset=2%%,slow=5%%:3s,seed=7",
      "  cloudmetrics emulator --faults html502=2%%,truncate=2%%",
      "  cloudmetrics emulator --faults 503=first2    # two failures, then all is well",
      "  cloudmetrics emulator --faults reset=100%%    # every request fails"
    })
final class EmulatorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
      description = "Port on 127.0.0.1 (default 8080; 0 picks a free one).")
  int port;

  @Option(names = "--rtc-rate", paramLabel = "R", defaultValue = "2",
      description = "Requests per second the RTC API allows per key before FlowLimitExceeded (default 2, 0 = off).")
  double rtcRate;

  @Option(names = "--xml-errors", description = "Answer CDN errors in XML, as some KSYun gateways do.")
  boolean xmlErrors;

  @Option(names = "--faults", paramLabel = "SPEC", defaultValue = "none",
      description = "Fail some requests on purpose: throttling, 5xx, an HTML 502, resets, cut bodies, slow answers "
          + "(syntax below).")
  String faults;

  @Override
  public Integer call() throws InterruptedException {
    CloudMetricsCommand root = (CloudMetricsCommand) spec.root().userObject();
    CliEnvironment environment = root.environment();
    if (port < 0 || port > Endpoints.MOST_PORT) {
      throw new InvalidInputException("--port '" + port + "': not a TCP port; expected 0 (any free one) to "
          + Endpoints.MOST_PORT);
    }
    FaultPlan plan = faultPlan();
    try (Emulator emulator = Emulator.start(
        new EmulatorOptions(port, environment.clock(), rtcRate, xmlErrors, plan))) {
      environment.out().println(DemoCredentials.banner(emulator.baseUri(), plan));
      environment.out().flush();
      new CountDownLatch(1).await(); // until the process is interrupted
    }
    return ExitCode.OK;
  }

  private FaultPlan faultPlan() {
    try {
      return FaultPlan.parse(faults);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("--faults '" + faults + "': " + e.getMessage());
    }
  }
}
