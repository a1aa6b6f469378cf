package dev.cloudmetrics.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which requests the emulator fails and how: first a fixed run of faults for the first requests
 * it receives, then for every later request a seeded draw among faults that each take a share of
 * the requests. The fault of request n depends only on the plan and n, so a run is reproducible.
 */
public record FaultPlan(List<FirstRequests> first, List<Share> shares, long seed) {

  /** The next {@code count} requests (after those of earlier entries) all get {@code fault}. */
  public record FirstRequests(Fault fault, long count) {
    public FirstRequests {
      Objects.requireNonNull(fault, "fault");
      if (count < 1) {
        throw new IllegalArgumentException("count must be 1 or more: " + count);
      }
    }
  }

  /** {@code percent} of the requests (over 0, at most 100) get {@code fault}. */
  public record Share(Fault fault, double percent) {
    public Share {
      Objects.requireNonNull(fault, "fault");
      if (fault.kind() == FaultKind.NONE) {
        throw new IllegalArgumentException("no share of requests is ok on purpose: those no share fails are");
      }
      if (!(percent > 0 && percent <= 100)) {
        throw new IllegalArgumentException("percent must be over 0 and at most 100: " + percent);
      }
    }
  }

  public FaultPlan {
    first = List.copyOf(first);
    shares = List.copyOf(shares);
    double total = shares.stream().mapToDouble(Share::percent).sum();
    if (total > 100 + 1e-9) {
      throw new IllegalArgumentException("the shares add up to " + FaultSpec.formatPercent(total) + ", more than 100%");
    }
  }

  /** No faults: every request is answered normally. */
  public static FaultPlan none() {
    return new FaultPlan(List.of(), List.of(), 0);
  }

  /** Every request fails with {@code fault}: a permanent fault. */
  public static FaultPlan always(Fault fault) {
    return new FaultPlan(List.of(), List.of(new Share(fault, 100)), 0);
  }

  /**
   * The first {@code count} requests fail with {@code fault}, the others are answered normally;
   * with {@link FaultKind#NONE} and {@link #thenFirst} or a share, the faults come after them.
   */
  public static FaultPlan first(long count, Fault fault) {
    return new FaultPlan(List.of(new FirstRequests(fault, count)), List.of(), 0);
  }

  /**
   * Reads a spec such as {@code 429=10%,503=5%,reset=first2,slow=5%:3s,seed=7}: comma-separated
   * {@code FAULT=REACH[:TIME]} entries (REACH a share {@code P%} or {@code firstN}) and an optional
   * {@code seed=N}; {@code none} is the empty plan.
   *
   * @throws IllegalArgumentException naming the entry at fault and the rule it breaks
   */
  public static FaultPlan parse(String spec) {
    return FaultSpec.parse(spec);
  }

  /** The same plan with these faults for the requests after the ones already planned as first. */
  public FaultPlan thenFirst(long count, Fault fault) {
    List<FirstRequests> more = new ArrayList<>(first);
    more.add(new FirstRequests(fault, count));
    return new FaultPlan(more, shares, seed);
  }

  /** The same plan drawing with another seed. */
  public FaultPlan withSeed(long newSeed) {
    return new FaultPlan(first, shares, newSeed);
  }

  public boolean isEmpty() {
    return first.isEmpty() && shares.isEmpty();
  }

  /** The fault for the {@code n}-th request the emulator received (1 for the first), if any. */
  public Optional<Fault> faultFor(long n) {
    long remaining = n;
    for (FirstRequests run : first) {
      if (remaining <= run.count()) {
        return Optional.of(run.fault()).filter(fault -> fault.kind() != FaultKind.NONE);
      }
      remaining -= run.count();
    }
    double draw = uniform(n);
    double edge = 0;
    for (Share share : shares) {
      edge += share.percent() / 100;
      if (draw < edge) {
        return Optional.of(share.fault());
      }
    }
    return Optional.empty();
  }

  /** The plan as a spec that {@link #parse} reads back to it. */
  public String spec() {
    List<String> entries = new ArrayList<>();
    first.forEach(run -> entries.add(run.fault().spec("first" + run.count())));
    shares.forEach(share -> entries.add(share.fault().spec(FaultSpec.formatPercent(share.percent()))));
    if (!shares.isEmpty()) {
      entries.add("seed=" + seed);
    }
    return entries.isEmpty() ? "none" : String.join(",", entries);
  }

  /** A number in [0, 1) that depends only on the seed and the request number (SplitMix64). */
  private double uniform(long n) {
    long z = seed * 0x9e3779b97f4a7c15L + n;
    for (int round = 0; round < 2; round++) {
      z += 0x9e3779b97f4a7c15L;
      z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
      z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
      z ^= z >>> 31;
    }
    return (z >>> 11) * 0x1.0p-53;
  }
}
