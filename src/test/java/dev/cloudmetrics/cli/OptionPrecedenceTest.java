package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * flag > profile > built-in default for EVERY option of every command, found in the command model
 * (so options added later are covered without touching this test), compared as parsed values.
 */
class OptionPrecedenceTest {
  /** Values tried, in order, where an option offers no completion candidates: the first two it accepts are used. */
  static final List<String> PLAUSIBLE = List.of("7", "9", "2.5", "30s", "5m", "Asia/Tokyo", "Europe/Paris", "sample-a", "sample-b");

  @TempDir Path home;

  CliEnvironment environment() {
    PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
    return new CliEnvironment(Clock.systemUTC(), Map.of(), nowhere, nowhere, new ByteArrayInputStream(new byte[0]), false, home);
  }

  @Test
  void everyOptionTakesItsFlagThenItsProfileValueThenItsBuiltInDefault() throws IOException {
    List<String> checked = new ArrayList<>();
    for (OptionSpec option : OptionKeys.all(Main.commandLine(environment()))) {
      String key = OptionKeys.qualified(option);
      String flag = option.longestName();
      // a required option has no built-in default; that the profile alone satisfies it is checked below
      Object builtIn = option.required() ? null : parsed(key, "", List.of());
      if (option.typeInfo().isBoolean()) {
        assertEquals(false, builtIn, key);
        assertEquals(true, parsed(key, key + " = true", List.of()), key + ": the profile beats the built-in default");
        assertEquals(true, parsed(key, key + " = false", List.of(flag)), key + ": the flag beats the profile");
      } else {
        List<String> samples = samples(option, builtIn);
        Object first = parsed(key, "", List.of(flag + "=" + samples.get(0)));
        Object second = parsed(key, "", List.of(flag + "=" + samples.get(1)));
        assertNotEquals(first, second, key);
        assertEquals(first, parsed(key, key + " = " + samples.get(0), List.of()), key + ": the profile beats the built-in default");
        assertEquals(second, parsed(key, key + " = " + samples.get(0), List.of(flag + "=" + samples.get(1))),
            key + ": the flag beats the profile");
      }
      checked.add(key);
    }
    assertTrue(checked.containsAll(List.of("verbose", "rtc.list-realtime.region", "rtc.list-realtime.app-id", "cdn.online-users.format",
        "cdn.online-users.tz", "cdn.online-users.regions", "cdn.online-users.granularity", "cdn.online-users.signing-region",
        "cdn.online-users.endpoint", "cdn.online-users.retries", "emulator.port")), checked.toString());
  }

  /** Two values the option accepts, parsed differently, the first unlike its built-in default. */
  private List<String> samples(OptionSpec option, Object builtIn) throws IOException {
    String key = OptionKeys.qualified(option);
    Iterable<String> candidates = option.completionCandidates() == null ? List.of() : option.completionCandidates();
    List<String> samples = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    for (String value : Stream.concat(StreamSupport.stream(candidates.spliterator(), false), PLAUSIBLE.stream()).toList()) {
      Object parsed = accepted(key, option.longestName() + "=" + value);
      if (parsed != null && !values.contains(parsed) && (!samples.isEmpty() || !Objects.equals(parsed, builtIn))) {
        samples.add(value);
        values.add(parsed);
      }
      if (samples.size() == 2) {
        return samples;
      }
    }
    return fail(key + ": no two of " + PLAUSIBLE + " are accepted; add values this option takes to PLAUSIBLE");
  }

  private Object accepted(String key, String flag) throws IOException {
    try {
      return parsed(key, "", List.of(flag));
    } catch (CommandLine.ParameterException e) {
      return null;
    }
  }

  /** The value of the option {@code key} after parsing its command with {@code flags} and a default profile of {@code profile}. */
  private Object parsed(String key, String profile, List<String> flags) throws IOException {
    Path file = home.resolve(".config/cloudmetrics/config");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "[default]\n" + profile + "\n");
    CliEnvironment environment = environment();
    CommandLine root = Main.commandLine(environment);
    root.setDefaultValueProvider(ProfileDefaults.load(Main.selection(environment)));
    OptionSpec option = OptionKeys.all(root).stream().filter(o -> OptionKeys.qualified(o).equals(key)).findFirst().orElseThrow();
    List<String> args = new ArrayList<>(OptionKeys.path(option.command()));
    for (OptionSpec other : option.command().requiredArgs().stream().filter(OptionSpec.class::isInstance).map(OptionSpec.class::cast)
        .filter(o -> o != option).toList()) {
      args.add(other.longestName() + "=required-" + OptionKeys.qualified(other));
    }
    args.addAll(flags);
    root.parseArgs(args.toArray(String[]::new));
    return option.getValue();
  }
}
