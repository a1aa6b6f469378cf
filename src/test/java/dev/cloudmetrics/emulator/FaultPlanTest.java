package dev.cloudmetrics.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The fault spec: what it reads, what it refuses, and which requests a plan fails. */
class FaultPlanTest {

  static List<Optional<Fault>> firstFaults(FaultPlan plan, int requests) {
    List<Optional<Fault>> faults = new ArrayList<>();
    for (long n = 1; n <= requests; n++) {
      faults.add(plan.faultFor(n));
    }
    return faults;
  }

  @Test
  void theReadmeExampleReadsAsWritten() {
    FaultPlan plan = FaultPlan.parse("429=10%,503=5%,html502=2%,reset=2%,truncate=2%,slow=5%:3s,seed=7");

    assertEquals(7, plan.seed());
    assertEquals(List.of(
        new FaultPlan.Share(Fault.throttled(Duration.ofSeconds(1)), 10),
        new FaultPlan.Share(Fault.of(FaultKind.UNAVAILABLE), 5),
        new FaultPlan.Share(Fault.of(FaultKind.PROXY_PAGE), 2),
        new FaultPlan.Share(Fault.of(FaultKind.RESET), 2),
        new FaultPlan.Share(Fault.of(FaultKind.TRUNCATED), 2),
        new FaultPlan.Share(Fault.slow(Duration.ofSeconds(3)), 5)), plan.shares());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "none",
      "503=100%,seed=0",
      "429=first2:0s,500=first1,reset=12.5%,slow=3%:250ms,seed=-4",
      "ok=first3,503=100%,seed=0",
      "502=1%,504=2%,html502=3%,truncate=4%,429=5%:2m,seed=99"})
  void aPlanWritesTheSpecItWasReadFrom(String spec) {
    FaultPlan plan = FaultPlan.parse(spec);

    assertEquals(spec, plan.spec());
    assertEquals(plan, FaultPlan.parse(plan.spec()));
  }

  @Test
  void namesAreReadInAnyCaseAndAroundSpaces() {
    assertEquals(FaultPlan.parse("html502=2%,reset=first1"), FaultPlan.parse(" HTML502 = 2% , Reset=First1 "));
  }

  @Test
  void theFirstRequestsFailInTheOrderWrittenThenTheSharesApply() {
    FaultPlan plan = FaultPlan.parse("503=first2,reset=first1");

    assertEquals(List.of(Optional.of(Fault.of(FaultKind.UNAVAILABLE)), Optional.of(Fault.of(FaultKind.UNAVAILABLE)),
        Optional.of(Fault.of(FaultKind.RESET)), Optional.empty(), Optional.empty()), firstFaults(plan, 5));
  }

  @Test
  void okRequestsComeFirstThenTheFaultsAfterThem() {
    FaultPlan plan = FaultPlan.first(2, Fault.of(FaultKind.NONE)).thenFirst(1, Fault.of(FaultKind.RESET));

    assertEquals(FaultPlan.parse("ok=first2,reset=first1"), plan);
    assertEquals(List.of(Optional.empty(), Optional.empty(), Optional.of(Fault.of(FaultKind.RESET)), Optional.empty()),
        firstFaults(plan, 4));
    assertEquals(List.of(Optional.empty(), Optional.of(Fault.of(FaultKind.UNAVAILABLE))),
        firstFaults(FaultPlan.parse("ok=first1,503=100%"), 2));
  }

  @Test
  void aPermanentFaultFailsEveryRequest() {
    FaultPlan plan = FaultPlan.always(Fault.of(FaultKind.GATEWAY_TIMEOUT));

    assertTrue(firstFaults(plan, 10_000).stream().allMatch(f -> f.equals(Optional.of(Fault.of(FaultKind.GATEWAY_TIMEOUT)))));
  }

  @Test
  void theSameSeedFailsTheSameRequestsAndAnotherSeedOthers() {
    String spec = "429=10%,503=5%,reset=2%,truncate=2%";

    List<Optional<Fault>> once = firstFaults(FaultPlan.parse(spec + ",seed=3"), 2_000);

    assertEquals(once, firstFaults(FaultPlan.parse(spec + ",seed=3"), 2_000));
    assertNotEquals(once, firstFaults(FaultPlan.parse(spec + ",seed=4"), 2_000));
    assertEquals(once, firstFaults(FaultPlan.parse(spec).withSeed(3), 2_000));
  }

  @Test
  void eachFaultTakesAboutItsShare() {
    FaultPlan plan = FaultPlan.parse("429=10%,503=5%,reset=0.5%,seed=11");
    Map<FaultKind, Integer> counts = new EnumMap<>(FaultKind.class);
    int requests = 200_000;
    firstFaults(plan, requests).forEach(f -> f.ifPresent(fault -> counts.merge(fault.kind(), 1, Integer::sum)));

    assertEquals(10, counts.get(FaultKind.THROTTLED) * 100.0 / requests, 0.3);
    assertEquals(5, counts.get(FaultKind.UNAVAILABLE) * 100.0 / requests, 0.2);
    assertEquals(0.5, counts.get(FaultKind.RESET) * 100.0 / requests, 0.05);
    assertEquals(3, counts.size());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''                          | empty",
      "503                         | in '503': an entry is FAULT=REACH[:TIME] or seed=N",
      "503=10                      | in '503=10': the reach must be a share such as 5% or a count such as first3",
      "503=0%                      | in '503=0%': a share is over 0% and at most 100%",
      "503=101%                    | in '503=101%': a share is over 0% and at most 100%",
      "503=first0                  | in '503=first0': firstN counts 1 or more requests",
      "404=5%                      | in '404=5%': unknown fault '404'; one of ok, 429, 500, 502, 503, 504, html502, reset, truncate, slow",
      "ok=5%                       | in 'ok=5%': ok takes firstN only: the requests no share fails are ok",
      "503=5%:3s                   | in '503=5%:3s': only 429 (its Retry-After) and slow (its delay) take a :TIME",
      "slow=5%:3                   | in 'slow=5%:3': TIME is a number with ms, s or m, e.g. 500ms or 3s",
      "slow=5%:0s                  | in 'slow=5%:0s': the delay of slow must be longer than zero",
      "429=5%:1500ms               | in '429=5%:1500ms': Retry-After is whole seconds, e.g. 429=5%:2s (0s is allowed)",
      "503=5%,503=5%               | in '503=5%': 503 has a share already; give it once",
      "503=60%,reset=50%           | the shares add up to 110%, more than 100%",
      "503=5%,seed=x               | in 'seed=x': the seed is a whole number, e.g. seed=7",
      "seed=1,seed=2               | in 'seed=2': seed is given once, as seed=N"})
  void aBadSpecNamesTheEntryAndTheRule(String spec, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse(spec));

    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }

  @Test
  void faultsWithoutATimeRefuseOne() {
    assertThrows(IllegalArgumentException.class, () -> new Fault(FaultKind.RESET, Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class, () -> Fault.slow(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> Fault.throttled(Duration.ofMillis(10)));
  }
}
