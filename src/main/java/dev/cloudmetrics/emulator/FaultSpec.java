package dev.cloudmetrics.emulator;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes the fault spec of {@code cloudmetrics emulator --faults}. */
final class FaultSpec {
  private static final Pattern ENTRY = Pattern.compile("([^=:]+)=([^:]*)(?::(.*))?");
  private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)%");
  private static final Pattern FIRST = Pattern.compile("first(\\d{1,15})");
  private static final Pattern TIME = Pattern.compile("(\\d{1,9})(ms|s|m)");

  private FaultSpec() {}

  static FaultPlan parse(String spec) {
    String text = spec.strip();
    if (text.isEmpty()) {
      throw new IllegalArgumentException("empty; write entries such as 503=5%,reset=2% (or none)");
    }
    if (text.equalsIgnoreCase("none")) {
      return FaultPlan.none();
    }
    List<FaultPlan.FirstRequests> first = new ArrayList<>();
    List<FaultPlan.Share> shares = new ArrayList<>();
    Optional<Long> seed = Optional.empty();
    for (String raw : text.split(",", -1)) {
      Matcher parts = ENTRY.matcher(raw.strip().toLowerCase(Locale.ROOT));
      if (!parts.matches()) {
        throw new IllegalArgumentException(in(raw) + "an entry is FAULT=REACH[:TIME] or seed=N, e.g. 503=5% or slow=2%:3s");
      }
      String name = parts.group(1).strip();
      String reach = parts.group(2).strip();
      Optional<String> time = Optional.ofNullable(parts.group(3)).map(String::strip);
      if (name.equals("seed")) {
        if (seed.isPresent() || time.isPresent()) {
          throw new IllegalArgumentException(in(raw) + "seed is given once, as seed=N");
        }
        seed = Optional.of(seed(raw, reach));
      } else {
        Fault fault = fault(raw, name, time);
        reach(raw, fault, reach, first, shares);
      }
    }
    return new FaultPlan(first, shares, seed.orElse(0L));
  }

  /** Adds the entry to the first requests or to the shares, as its reach says. */
  private static void reach(String raw, Fault fault, String reach, List<FaultPlan.FirstRequests> first,
      List<FaultPlan.Share> shares) {
    Matcher count = FIRST.matcher(reach);
    Matcher percent = PERCENT.matcher(reach);
    if (count.matches()) {
      long n = Long.parseLong(count.group(1));
      if (n < 1) {
        throw new IllegalArgumentException(in(raw) + "firstN counts 1 or more requests");
      }
      first.add(new FaultPlan.FirstRequests(fault, n));
    } else if (percent.matches()) {
      BigDecimal share = new BigDecimal(percent.group(1));
      if (fault.kind() == FaultKind.NONE) {
        throw new IllegalArgumentException(in(raw) + "ok takes firstN only: the requests no share fails are ok");
      }
      if (share.signum() <= 0 || share.compareTo(BigDecimal.valueOf(100)) > 0) {
        throw new IllegalArgumentException(in(raw) + "a share is over 0% and at most 100%");
      }
      if (shares.stream().anyMatch(s -> s.fault().kind() == fault.kind())) {
        throw new IllegalArgumentException(in(raw) + fault.kind().specName() + " has a share already; give it once");
      }
      shares.add(new FaultPlan.Share(fault, share.doubleValue()));
    } else {
      throw new IllegalArgumentException(in(raw) + "the reach must be a share such as 5% or a count such as first3");
    }
  }

  private static Fault fault(String raw, String name, Optional<String> time) {
    FaultKind kind = FaultKind.bySpecName(name).orElseThrow(() -> new IllegalArgumentException(
        in(raw) + "unknown fault '" + name + "'; one of " + FaultKind.specNames()));
    if (time.isEmpty()) {
      return Fault.of(kind);
    }
    if (kind != FaultKind.THROTTLED && kind != FaultKind.SLOW) {
      throw new IllegalArgumentException(in(raw) + "only 429 (its Retry-After) and slow (its delay) take a :TIME");
    }
    Matcher matcher = TIME.matcher(time.get());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(in(raw) + "TIME is a number with ms, s or m, e.g. 500ms or 3s");
    }
    long amount = Long.parseLong(matcher.group(1));
    Duration duration = switch (matcher.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      default -> Duration.ofMinutes(amount);
    };
    if (kind == FaultKind.THROTTLED && duration.toMillis() % 1000 != 0) {
      throw new IllegalArgumentException(in(raw) + "Retry-After is whole seconds, e.g. 429=5%:2s (0s is allowed)");
    }
    if (kind == FaultKind.SLOW && duration.isZero()) {
      throw new IllegalArgumentException(in(raw) + "the delay of slow must be longer than zero");
    }
    return new Fault(kind, duration);
  }

  private static long seed(String raw, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(in(raw) + "the seed is a whole number, e.g. seed=7");
    }
  }

  private static String in(String raw) {
    return "in '" + raw.strip() + "': ";
  }

  /** {@code 500ms}, {@code 3s} or {@code 2m}: the shortest exact spelling. */
  static String formatDuration(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 60_000 == 0 && millis > 0) {
      return millis / 60_000 + "m";
    }
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }

  /** {@code 5%} or {@code 2.5%}. */
  static String formatPercent(double percent) {
    return BigDecimal.valueOf(percent).stripTrailingZeros().toPlainString() + "%";
  }
}
