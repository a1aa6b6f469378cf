package dev.cloudmetrics.rtc;

import dev.cloudmetrics.failure.InvalidInputException;
import java.util.List;
import java.util.Locale;

/** Whether --app-id asks for the apps named or, with {@code all}, for every app {@code ListApps} lists. */
public record AppSelection(boolean all) {
  public static final String ALL = "all";

  /**
   * Reads the --app-id values; {@code all} must stand alone: mixed with ids it would mean either
   * the union (which is just {@code all}) or a typo, so it is refused.
   *
   * @throws InvalidInputException when {@code all} comes with other ids
   */
  public static AppSelection of(List<String> values) {
    List<String> names = values.stream().flatMap(v -> List.of(v.split(",", -1)).stream()).map(String::strip).toList();
    boolean all = names.stream().anyMatch(name -> name.toLowerCase(Locale.ROOT).equals(ALL));
    if (all && names.size() > 1) {
      throw new InvalidInputException("--app-id '" + String.join(",", values) + "': 'all' lists every app of the "
          + "account (ListApps) and cannot be combined with app ids; give either 'all' or the ids");
    }
    return new AppSelection(all);
  }
}
