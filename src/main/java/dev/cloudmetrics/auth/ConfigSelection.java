package dev.cloudmetrics.auth;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Which config file and which profile of it a run uses, and why: the flag ({@code --profile},
 * {@code --config}), else the environment ({@code CLOUDMETRICS_PROFILE}, {@code XDG_CONFIG_HOME}),
 * else the built-in default ({@code default}, {@code ~/.config/cloudmetrics/config}).
 */
public record ConfigSelection(String profile, String profileSource, Path file, String fileSource) {
  public static final String DEFAULT_PROFILE = "default";

  /** Resolves the selection from the flags as given (empty when absent) and the environment. */
  public static ConfigSelection resolve(Optional<String> profileFlag, Optional<Path> configFlag,
      Map<String, String> environment, Path home) {
    Optional<String> profileVariable = variable(environment, "CLOUDMETRICS_PROFILE");
    String profile = profileFlag.or(() -> profileVariable).orElse(DEFAULT_PROFILE);
    String profileSource = profileFlag.isPresent() ? "flag --profile"
        : profileVariable.isPresent() ? "env CLOUDMETRICS_PROFILE" : "default";

    // The XDG base-directory specification: a relative path is invalid and to be ignored.
    Optional<String> xdg = variable(environment, "XDG_CONFIG_HOME").filter(path -> Path.of(path).isAbsolute());
    Path file = configFlag.orElseGet(() -> xdg.map(Path::of).orElse(home.resolve(".config"))
        .resolve("cloudmetrics").resolve("config"));
    String fileSource = configFlag.isPresent() ? "flag --config" : xdg.isPresent() ? "env XDG_CONFIG_HOME" : "default";
    return new ConfigSelection(profile, profileSource, file, fileSource);
  }

  /** True when the profile was asked for by name (flag or environment), not taken by default. */
  public boolean profileNamed() {
    return !"default".equals(profileSource);
  }

  private static Optional<String> variable(Map<String, String> environment, String name) {
    return Optional.ofNullable(environment.get(name)).filter(v -> !v.isBlank());
  }
}
