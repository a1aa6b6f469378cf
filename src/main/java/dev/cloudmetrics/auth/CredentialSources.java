package dev.cloudmetrics.auth;

import dev.cloudmetrics.failure.CredentialsException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds credentials in the order cli.md promises: the profile named by --profile or
 * CLOUDMETRICS_PROFILE, then environment variables, then the config file's default profile.
 */
public final class CredentialSources {
  private final Map<String, String> environment;
  private final Optional<String> profile;
  private final Optional<Path> config;
  private final Path home;

  public CredentialSources(Map<String, String> environment, Optional<String> profile, Optional<Path> config, Path home) {
    this.environment = Map.copyOf(environment);
    this.profile = profile.or(() -> variable("CLOUDMETRICS_PROFILE"));
    this.config = config;
    this.home = home;
  }

  /** Volcengine (RTC) credentials. */
  public Credentials volcengine() {
    return find(Vendor.VOLCENGINE);
  }

  /** Kingsoft Cloud (CDN) credentials. */
  public Credentials ksyun() {
    return find(Vendor.KSYUN);
  }

  /** --config, else $XDG_CONFIG_HOME/cloudmetrics/config, else ~/.config/cloudmetrics/config. */
  public Path configPath() {
    return config.orElseGet(() -> variable("XDG_CONFIG_HOME").map(Path::of)
        .orElse(home.resolve(".config")).resolve("cloudmetrics").resolve("config"));
  }

  private Credentials find(Vendor vendor) {
    ConfigFile file = ConfigFile.read(configPath());
    if (profile.isPresent()) {
      String name = profile.get();
      Map<String, String> values = file.profile(name).orElseThrow(() -> new CredentialsException(
          "profile '" + name + "' is not in " + file.path() + " (add a [profile " + name + "] section)"));
      return fromProfile(vendor, name, values, file.path()).orElseThrow(() -> new CredentialsException(
          "profile '" + name + "' in " + file.path() + " has no " + vendor.label + " keys: add "
              + vendor.profileKey + "_access_key and " + vendor.profileKey + "_secret_key"));
    }
    Optional<Credentials> fromEnvironment = fromEnvironment(vendor);
    if (fromEnvironment.isPresent()) {
      return fromEnvironment.get();
    }
    return file.profile("default").flatMap(values -> fromProfile(vendor, "default", values, file.path()))
        .orElseThrow(() -> new CredentialsException("no " + vendor.label + " credentials: set "
            + vendor.accessVariables[0] + " and " + vendor.secretVariables[0] + ", or add " + vendor.profileKey
            + "_access_key and " + vendor.profileKey + "_secret_key to the [default] profile of the config file "
            + file.path()));
  }

  private Optional<Credentials> fromEnvironment(Vendor vendor) {
    Optional<String> access = first(vendor.accessVariables);
    Optional<String> secret = first(vendor.secretVariables);
    if (access.isPresent() != secret.isPresent()) {
      String missing = access.isPresent() ? vendor.secretVariables[0] : vendor.accessVariables[0];
      throw new CredentialsException(missing + " is not set, but its partner is: set both, or neither to use the config file");
    }
    return access.map(key -> new Credentials(key, secret.orElseThrow(),
        vendor.tokenVariable.flatMap(this::variable), "environment"));
  }

  private static Optional<Credentials> fromProfile(Vendor vendor, String name, Map<String, String> values, Path file) {
    String access = values.get(vendor.profileKey + "_access_key");
    String secret = values.get(vendor.profileKey + "_secret_key");
    if (access == null && secret == null) {
      return Optional.empty();
    }
    if (access == null || secret == null || access.isEmpty() || secret.isEmpty()) {
      throw new CredentialsException("profile '" + name + "' in " + file + " needs both " + vendor.profileKey
          + "_access_key and " + vendor.profileKey + "_secret_key");
    }
    return Optional.of(new Credentials(access, secret, Optional.ofNullable(values.get(vendor.profileKey + "_session_token")),
        "profile " + name));
  }

  private Optional<String> first(String... names) {
    for (String name : names) {
      Optional<String> value = variable(name);
      if (value.isPresent()) {
        return value;
      }
    }
    return Optional.empty();
  }

  private Optional<String> variable(String name) {
    return Optional.ofNullable(environment.get(name)).filter(v -> !v.isBlank());
  }

  /** Where each vendor's keys are looked for. */
  private enum Vendor {
    VOLCENGINE("Volcengine", "volcengine", new String[] {"VOLCENGINE_ACCESS_KEY", "VOLC_ACCESSKEY"},
        new String[] {"VOLCENGINE_SECRET_KEY", "VOLC_SECRETKEY"}, Optional.of("VOLCENGINE_SESSION_TOKEN")),
    KSYUN("Kingsoft Cloud", "ksyun", new String[] {"KSYUN_ACCESS_KEY"}, new String[] {"KSYUN_SECRET_KEY"}, Optional.empty());

    final String label;
    final String profileKey;
    final String[] accessVariables;
    final String[] secretVariables;
    final Optional<String> tokenVariable;

    Vendor(String label, String profileKey, String[] accessVariables, String[] secretVariables, Optional<String> tokenVariable) {
      this.label = label;
      this.profileKey = profileKey;
      this.accessVariables = accessVariables;
      this.secretVariables = secretVariables;
      this.tokenVariable = tokenVariable;
    }
  }
}
