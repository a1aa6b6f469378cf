package dev.cloudmetrics.cli;

import dev.cloudmetrics.auth.ProfileQuestion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The questions {@code configure} asks on a terminal: the four keys, then the defaults most people set. */
final class ConfigureQuestions {
  /** Option keys asked for after the credentials; any other key can be set through stdin or by editing the file. */
  static final List<String> DEFAULT_KEYS = List.of("rtc.region", "cdn.signing-region", "format", "tz", "rtc.endpoint", "cdn.endpoint");

  private static final String NOT_SET = "not set";

  private ConfigureQuestions() {}

  static List<ProfileQuestion> all(CommandLine root, ProfileDefaults defaults, Map<String, String> current) {
    List<ProfileQuestion> questions = new ArrayList<>(List.of(
        credential("volcengine_access_key", "Volcengine access key ID (rtc)", false, current),
        credential("volcengine_secret_key", "Volcengine secret access key", true, current),
        credential("ksyun_access_key", "Kingsoft Cloud access key ID (cdn)", false, current),
        credential("ksyun_secret_key", "Kingsoft Cloud secret access key", true, current)));
    for (String key : DEFAULT_KEYS) {
      OptionKeys.matching(root, key).stream().findFirst().ifPresent(option -> questions.add(
          new ProfileQuestion(key, key + hint(option), false,
              defaults.origin(option).map(origin -> origin.entry().value()), builtIn(option))));
    }
    return questions;
  }

  private static ProfileQuestion credential(String key, String label, boolean secret, Map<String, String> current) {
    return new ProfileQuestion(key, label, secret, Optional.ofNullable(current.get(key)), NOT_SET);
  }

  /** " (csv, json, …)" from the option's completion candidates, so the choices never go stale. */
  private static String hint(OptionSpec option) {
    Iterable<String> candidates = option.completionCandidates();
    if (candidates == null) {
      return "";
    }
    String choices = StreamSupport.stream(candidates.spliterator(), false).collect(Collectors.joining(", "));
    return choices.isEmpty() ? "" : " (" + choices + ")";
  }

  private static String builtIn(OptionSpec option) {
    return option.defaultValue() != null ? option.defaultValue() : NOT_SET;
  }
}
