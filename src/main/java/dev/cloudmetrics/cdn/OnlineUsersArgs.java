package dev.cloudmetrics.cdn;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The options of {@code cdn online-users} as the user typed them, before any check;
 * {@code streamsFromFile} holds the entries of --streams-file, already read; {@code includeIncomplete}
 * keeps the buckets whose data may still grow.
 */
public record OnlineUsersArgs(
    List<String> streams,
    List<String> streamsFromFile,
    List<String> regions,
    Optional<String> granularity,
    boolean perStream,
    Optional<String> resultType,
    Optional<String> start,
    Optional<String> end,
    Optional<String> last,
    String signingRegion,
    Optional<String> endpoint,
    ZoneId zone,
    boolean includeIncomplete) {

  public OnlineUsersArgs {
    streams = List.copyOf(streams);
    streamsFromFile = List.copyOf(streamsFromFile);
    regions = List.copyOf(regions);
  }
}
