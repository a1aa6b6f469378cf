package dev.cloudmetrics.cli;

import dev.cloudmetrics.emulator.DemoCredentials;
import dev.cloudmetrics.emulator.Emulator;
import dev.cloudmetrics.emulator.EmulatorOptions;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code emulator}: both APIs on loopback, for trying the tool and for tests, until Ctrl-C. */
@Command(
    name = "emulator",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Serve local stand-ins of both APIs on 127.0.0.1: signatures checked as the services do, every",
      "documented limit and error, deterministic synthetic data. Prints the demo credentials, runs until Ctrl-C."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  cloudmetrics emulator --port 8080",
      "  # in another shell, after pasting the printed exports:",
      "  cloudmetrics cdn online-users --endpoint http://127.0.0.1:8080 -s rtmp://demo.example/live/a"
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

  @Override
  public Integer call() throws InterruptedException {
    CloudMetricsCommand root = (CloudMetricsCommand) spec.root().userObject();
    CliEnvironment environment = root.environment();
    try (Emulator emulator = Emulator.start(
        new EmulatorOptions(port, environment.clock(), rtcRate, xmlErrors))) {
      environment.out().println(DemoCredentials.banner(emulator.baseUri()));
      environment.out().flush();
      new CountDownLatch(1).await(); // until the process is interrupted
    }
    return ExitCode.OK;
  }
}
