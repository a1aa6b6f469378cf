package dev.cloudmetrics.cdn;

import dev.cloudmetrics.failure.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code --top N} and {@code --domain-ids} ask for: the N streams with the most viewers, in one
 * {@code GetLiveTopOnlineUserData} call (N at most 200), or in one call per live domain, each
 * domain's N at most 200: the domains named, or with {@code all} those {@code GetCdnDomains} lists.
 */
public record TopStreams(int count, boolean allDomains, List<String> domainIds) {
  /** LimitN's documented range (spec-discovery §2). */
  public static final int MOST_PER_CALL = 200;

  public TopStreams {
    domainIds = List.copyOf(domainIds);
  }

  /** Whether it makes one call per domain rather than one call in all. */
  public boolean perDomain() {
    return allDomains || !domainIds.isEmpty();
  }

  /** LimitN of each call. */
  public int limitPerCall() {
    return Math.min(count, MOST_PER_CALL);
  }

  /**
   * Reads the two options as typed; empty when --top is absent.
   *
   * @throws InvalidInputException naming the flag, the value and the rule
   */
  public static Optional<TopStreams> parse(Optional<String> top, Optional<String> domains) {
    if (top.isEmpty()) {
      if (domains.isPresent()) {
        throw new InvalidInputException("--domain-ids '" + domains.get() + "' only chooses where --top looks; "
            + "give --top N as well");
      }
      return Optional.empty();
    }
    int count = count(top.get());
    boolean all = domains.map(d -> d.strip().toLowerCase(Locale.ROOT).equals("all")).orElse(false);
    List<String> ids = all ? List.of() : domains.map(TopStreams::ids).orElse(List.of());
    if (count > MOST_PER_CALL && !all && ids.isEmpty()) {
      throw new InvalidInputException("--top '" + top.get() + "': at most " + MOST_PER_CALL + " streams in one "
          + "GetLiveTopOnlineUserData call (LimitN 1-200); for more, add --domain-ids all (one call per live "
          + "domain, listed by GetCdnDomains) or --domain-ids ID[,ID...]");
    }
    if (!ids.isEmpty() && count > MOST_PER_CALL * ids.size()) {
      throw new InvalidInputException("--top '" + top.get() + "': at most " + MOST_PER_CALL + " streams per domain, "
          + MOST_PER_CALL * ids.size() + " for the " + ids.size() + " domain(s) of --domain-ids");
    }
    return Optional.of(new TopStreams(count, all, ids));
  }

  private static int count(String text) {
    int count;
    try {
      count = Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      count = 0;
    }
    if (count < 1) {
      throw new InvalidInputException("--top '" + text + "': expected a whole number of streams from 1 (at most "
          + MOST_PER_CALL + " per call, LimitN)");
    }
    return count;
  }

  private static List<String> ids(String text) {
    List<String> ids = Arrays.stream(text.split(",", -1)).map(String::strip).distinct().toList();
    if (ids.stream().anyMatch(String::isEmpty)) {
      throw new InvalidInputException("--domain-ids '" + text + "': a domain id is empty; give all or ID[,ID...]");
    }
    return ids;
  }
}
