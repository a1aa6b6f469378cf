package dev.cloudmetrics.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cloudmetrics.failure.ApiError;
import dev.cloudmetrics.failure.ApiErrorException;
import dev.cloudmetrics.failure.ServiceFailureException;
import dev.cloudmetrics.rtc.SimulatedTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** When a followed list is listed again, what a failure keeps, and what is said about it. */
class RefreshedListTest {
  static final Instant START = Instant.parse("2024-05-20T04:00:00Z");

  final SimulatedTime clock = new SimulatedTime(START, Instant.MAX);
  final List<String> notices = new ArrayList<>();
  final Deque<Supplier<List<String>>> answers = new ArrayDeque<>();
  int listings;

  /** Moves the clock to {@code START + since}. */
  void at(Duration since) {
    try {
      clock.sleep(Duration.between(clock.instant(), START.plus(since)));
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  RefreshedList list(List<String> first) {
    return new RefreshedList("apps", () -> {
      listings++;
      return answers.remove().get();
    }, Duration.ofMinutes(10), first, START, clock, ZoneOffset.ofHours(8), notices::add);
  }

  @AfterEach
  void everyScriptedAnswerWasUsed() {
    assertEquals(0, answers.size());
  }

  @Test
  void listsAgainOnlyWhenDue() {
    RefreshedList apps = list(List.of("a", "b"));
    answers.add(() -> List.of("a", "b"));

    at(Duration.ofMinutes(9));
    assertEquals(List.of("a", "b"), apps.current());
    assertEquals(0, listings);
    at(Duration.ofMinutes(10));
    assertEquals(List.of("a", "b"), apps.current());
    assertEquals(1, listings);
    assertEquals(START.plus(Duration.ofMinutes(20)), apps.dueAt());
    assertEquals(List.of(), notices, "an unchanged list is not worth a line");
  }

  @Test
  void aChangedListIsFollowedAndSaid() {
    RefreshedList apps = list(List.of("a", "b"));
    answers.add(() -> List.of("b", "c", "c"));

    at(Duration.ofMinutes(10));
    assertEquals(List.of("b", "c"), apps.current());
    assertEquals(List.of("the apps listed again: 1 new (c), 1 gone (a); now 2"), notices);
  }

  @Test
  void aFailureKeepsTheLastGoodListAndIsTriedAgainAtTheNextPoll() {
    RefreshedList apps = list(List.of("a"));
    answers.add(() -> {
      throw new ServiceFailureException("ListApps: HTTP 503 after 5 attempts");
    });
    answers.add(() -> {
      throw new ApiErrorException(new ApiError(403, "AccessDenied", "no", Optional.empty()));
    });
    answers.add(() -> List.of("a", "b"));

    at(Duration.ofMinutes(10));
    assertEquals(List.of("a"), apps.current());
    at(Duration.ofMinutes(10).plusSeconds(30));
    assertEquals(List.of("a"), apps.current());
    at(Duration.ofMinutes(11));
    assertEquals(List.of("a", "b"), apps.current());

    assertEquals(3, listings);
    assertEquals("listing the apps again failed (ListApps: HTTP 503 after 5 attempts); still following the 1 listed "
        + "at 2024-05-20T12:00:00+08:00, and trying again at the next poll", notices.get(0));
    assertEquals(List.of("listing the apps works again", "the apps listed again: 1 new (b); now 2"),
        notices.subList(2, 4));
    assertEquals(START.plus(Duration.ofMinutes(21)), apps.dueAt(), "the next listing counts from the good one");
  }

  @Test
  void anInterruptedListingIsNotSwallowed() {
    RefreshedList apps = list(List.of("a"));
    answers.add(() -> {
      Thread.currentThread().interrupt();
      throw new ServiceFailureException("interrupted");
    });

    at(Duration.ofMinutes(10));
    try {
      assertThrows(ServiceFailureException.class, apps::current);
    } finally {
      Thread.interrupted();
    }
    assertEquals(List.of(), notices);
  }

  @Test
  void aLongChangeIsShortenedInTheNotice() {
    RefreshedList apps = list(List.of());
    answers.add(() -> List.of("1", "2", "3", "4", "5", "6", "7"));

    at(Duration.ofMinutes(10));
    apps.current();
    assertEquals(List.of("the apps listed again: 7 new (1, 2, 3, 4, 5, ...); now 7"), notices);
  }
}
