package dev.cloudmetrics.cli;

import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * --start, --end and --last, as the user typed them; the API packages read and check them. Each
 * command has its own --last, whose help gives that command's default window and reach.
 */
abstract class WindowOptions {
  @Spec(Spec.Target.MIXEE) CommandSpec spec;

  @Option(names = "--start", paramLabel = "TIME",
      description = "Start of the window: 2024-05-20T10:00, 2024-05-20 10:00:00+08:00, now-2h, -30m or epoch seconds.")
  String start;

  @Option(names = "--end", paramLabel = "TIME", description = "End of the window (default now).")
  String end;

  /** --last as typed, or its default. */
  abstract String lastOption();

  Optional<String> start() {
    return Optional.ofNullable(start);
  }

  Optional<String> end() {
    return Optional.ofNullable(end);
  }

  /** --last, unless it is a profile's default and the user typed --start (which a default must not refuse). */
  Optional<String> last() {
    boolean typed = spec.commandLine().getParseResult().hasMatchedOption("--last");
    return start != null && !typed ? Optional.empty() : Optional.ofNullable(lastOption());
  }

  /** The window of {@code rtc list-realtime}: within the last 60 minutes. */
  static final class Realtime extends WindowOptions {
    @Option(names = "--last", paramLabel = "DURATION",
        description = "The window is the last DURATION before --end or now (default 15m; the API keeps 60m): 30s, 15m, 1h.")
    String last;

    @Override
    String lastOption() {
      return last;
    }
  }

  /** The window of {@code cdn online-users}: within the last 62 days. */
  static final class OnlineUsers extends WindowOptions {
    @Option(names = "--last", paramLabel = "DURATION",
        description = "The window is the last DURATION before --end or now (default 1h; the API keeps 62d): "
            + "30m, 2h, 7d, 1w, 1h30m.")
    String last;

    @Override
    String lastOption() {
      return last;
    }
  }
}
