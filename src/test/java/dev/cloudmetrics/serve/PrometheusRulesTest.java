package dev.cloudmetrics.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped alert and recording rules (dist/prometheus-rules.yml) pass {@code promtool check
 * rules}, their unit tests (dist/prometheus-rules.test.yml) pass {@code promtool test rules}, and
 * every alert has a case where it fires and one where it does not.
 */
class PrometheusRulesTest {
  static final Path RULES = Path.of("dist/prometheus-rules.yml");
  static final Path RULE_TESTS = Path.of("dist/prometheus-rules.test.yml");

  private static final Pattern ALERT = Pattern.compile("(?m)^\\s*- alert: (\\S+)$");
  private static final Pattern RECORD = Pattern.compile("(?m)^\\s*- record: (\\S+)$");

  @TempDir Path dir;

  @Test
  void promtoolAcceptsTheRules() throws Exception {
    Promtool.Result checked = Promtool.run("check", "rules", RULES.toString());

    assertTrue(checked.ok(), checked.said());
    int rules = alerts().size() + recordingRules().size();
    assertTrue(checked.said().contains("SUCCESS: " + rules + " rules found"), checked.said());
  }

  @Test
  void theRulesPassTheirUnitTests() throws Exception {
    Promtool.Result tested = Promtool.run("test", "rules", RULE_TESTS.toString());

    assertTrue(tested.ok(), tested.said());
    assertTrue(tested.said().contains("SUCCESS"), tested.said());
  }

  @Test
  void everyAlertHasAFiringAndAQuietCase() throws Exception {
    String tests = Files.readString(RULE_TESTS, StandardCharsets.UTF_8);

    assertFalse(alerts().isEmpty());
    for (String alert : alerts()) {
      String name = Pattern.quote(alert);
      assertTrue(Pattern.compile("alertname: " + name + "\\s+exp_alerts:\\s+- exp_labels").matcher(tests).find(),
          alert + " has no case where it fires");
      assertTrue(Pattern.compile("alertname: " + name + "\\s+exp_alerts: \\[]").matcher(tests).find(),
          alert + " has no case where it stays quiet");
    }
  }

  @Test
  void theUnitTestsCatchAChangedThreshold() throws Exception {
    // Proof that the unit tests can fail: a laxer failure threshold makes the firing case quiet.
    String rules = Files.readString(RULES, StandardCharsets.UTF_8);
    String laxer = rules.replace("api:cloudmetrics_api_requests_failed:ratio_rate10m > 0.25",
        "api:cloudmetrics_api_requests_failed:ratio_rate10m > 0.5");
    assertFalse(laxer.equals(rules), "the threshold this test changes is no longer in the rules");
    Files.writeString(dir.resolve(RULES.getFileName()), laxer, StandardCharsets.UTF_8);
    Files.copy(RULE_TESTS, dir.resolve(RULE_TESTS.getFileName()));

    Promtool.Result tested = Promtool.run("test", "rules", dir.resolve(RULE_TESTS.getFileName()).toString());

    assertEquals(1, tested.exitCode(), tested.said());
    assertTrue(tested.said().contains("alertname: CloudmetricsApiFailing"), tested.said());
  }

  @Test
  void promtoolRefusesABrokenExpression() throws Exception {
    Path broken = dir.resolve("broken.yml");
    Files.writeString(broken, "groups:\n  - name: x\n    rules:\n      - record: x:y:z\n        expr: sum by (api (up)\n");

    assertFalse(Promtool.run("check", "rules", broken.toString()).ok());
  }

  /** The names of the alert rules in the shipped file. */
  static List<String> alerts() throws IOException {
    return names(ALERT);
  }

  /** The names of the recording rules in the shipped file: series the dashboard may read. */
  static List<String> recordingRules() throws IOException {
    return names(RECORD);
  }

  private static List<String> names(Pattern rule) throws IOException {
    Matcher matcher = rule.matcher(Files.readString(RULES, StandardCharsets.UTF_8));
    return matcher.results().map(m -> m.group(1)).toList();
  }
}
