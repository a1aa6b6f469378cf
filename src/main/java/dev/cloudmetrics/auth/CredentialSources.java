package dev.cloudmetrics.auth;

import dev.cloudmetrics.failure.CredentialsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds credentials in the order cli.md promises: the profile named by --profile or
 * CLOUDMETRICS_PROFILE, then environment variables, then the config file's default profile (when
 * no profile is named).
 */
public final class CredentialSources {
  /** What {@link #describe()} found: one setting per credential key, and why any vendor has none. */
  public record Report(List<Setting> settings, List<String> problems) {}

  private final Map<String, String> environment;
  private final ConfigSelection selection;

  public CredentialSources(Map<String, String> environment, Optional<String> profile, Optional<Path> config, Path home) {
    this(environment, ConfigSelection.resolve(profile, config, environment, home));
  }

  public CredentialSources(Map<String, String> environment, ConfigSelection selection) {
    this.environment = Map.copyOf(environment);
    this.selection = selection;
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
    return selection.file();
  }

  /** The keys a profile may hold credentials under. */
  public static List<String> profileKeys() {
    List<String> keys = new ArrayList<>();
    for (Vendor vendor : Vendor.values()) {
      keys.add(vendor.profileKey + "_access_key");
      keys.add(vendor.profileKey + "_secret_key");
      vendor.tokenVariable.ifPresent(v -> keys.add(vendor.profileKey + "_session_token"));
    }
    return keys;
  }

  /** Whether the value of a profile key must never be shown (secret keys and session tokens). */
  public static boolean isSecret(String key) {
    return key.endsWith("_secret_key") || key.endsWith("_session_token");
  }

  /** Every credential key with its masked value and source; a vendor without credentials gets a problem line. */
  public Report describe() {
    List<Setting> settings = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Vendor vendor : Vendor.values()) {
      String prefix = vendor.profileKey;
      try {
        Credentials found = find(vendor);
        boolean fromEnvironment = found.source().startsWith("env ");
        settings.add(new Setting(prefix + "_access_key", found.maskedKeyId(), found.source()));
        settings.add(new Setting(prefix + "_secret_key", Credentials.MASK,
            fromEnvironment ? "env " + firstSet(vendor.secretVariables).orElseThrow() : found.source()));
        vendor.tokenVariable.ifPresent(variable -> settings.add(found.sessionToken()
            .map(t -> new Setting(prefix + "_session_token", Credentials.MASK, fromEnvironment ? "env " + variable : found.source()))
            .orElse(Setting.unset(prefix + "_session_token"))));
      } catch (CredentialsException e) {
        settings.add(Setting.unset(prefix + "_access_key"));
        settings.add(Setting.unset(prefix + "_secret_key"));
        vendor.tokenVariable.ifPresent(v -> settings.add(Setting.unset(prefix + "_session_token")));
        problems.add(e.getMessage());
      }
    }
    return new Report(settings, problems);
  }

  /**
   * A named profile without this vendor's keys (one that holds option defaults, or the other
   * vendor's keys) falls through to the environment, as cli.md orders them; not to the default
   * profile, whose keys are most likely another account's than the one the name chose.
   */
  private Credentials find(Vendor vendor) {
    String keys = vendor.profileKey + "_access_key and " + vendor.profileKey + "_secret_key";
    if (selection.profileNamed()) {
      ConfigFile file = ConfigFile.read(selection.file());
      String name = selection.profile();
      Map<String, String> values = file.profile(name).orElseThrow(() -> new CredentialsException(
          "profile '" + name + "' is not in " + file.path() + " (run 'cloudmetrics configure --profile " + name
              + "' or add a [profile " + name + "] section)"));
      return fromProfile(vendor, name, values, file.path()).or(() -> fromEnvironment(vendor))
          .orElseThrow(() -> new CredentialsException("profile '" + name + "' in " + file.path() + " has no "
              + vendor.label + " keys and " + vendor.accessVariables[0] + " is not set: add " + keys + " to the profile"
              + " or set " + vendor.accessVariables[0] + " and " + vendor.secretVariables[0]));
    }
    Optional<Credentials> fromEnvironment = fromEnvironment(vendor);
    if (fromEnvironment.isPresent()) {
      return fromEnvironment.get();
    }
    // Read only now: keys from the environment need no config file (configure's dry-run check has none).
    ConfigFile file = ConfigFile.read(selection.file());
    return file.profile(ConfigSelection.DEFAULT_PROFILE)
        .flatMap(values -> fromProfile(vendor, ConfigSelection.DEFAULT_PROFILE, values, file.path()))
        .orElseThrow(() -> new CredentialsException("no " + vendor.label + " credentials: set "
            + vendor.accessVariables[0] + " and " + vendor.secretVariables[0] + ", or run 'cloudmetrics configure' to add "
            + keys + " to the [default] profile of " + file.path()));
  }

  private Optional<Credentials> fromEnvironment(Vendor vendor) {
    Optional<String> accessName = firstSet(vendor.accessVariables);
    Optional<String> secret = firstSet(vendor.secretVariables).flatMap(this::variable);
    if (accessName.isPresent() != secret.isPresent()) {
      String missing = accessName.isPresent() ? vendor.secretVariables[0] : vendor.accessVariables[0];
      throw new CredentialsException(missing + " is not set, but its partner is: set both, or neither to use the config file");
    }
    accessName.ifPresent(name -> {
      printable(variable(name).orElseThrow(), name);
      printable(secret.orElseThrow(), firstSet(vendor.secretVariables).orElseThrow());
      vendor.tokenVariable.ifPresent(token -> variable(token).ifPresent(value -> printable(value, token)));
    });
    return accessName.map(name -> new Credentials(variable(name).orElseThrow(), secret.orElseThrow(),
        vendor.tokenVariable.flatMap(this::variable), "env " + name));
  }

  /**
   * Refuses a credential with a character no key, secret or token has (a CR that a .env file with
   * Windows line ends leaves, a space, a control character): sent, it would break the request's
   * headers, and the JDK's complaint about them would quote it. Names where it came from, never it.
   */
  private static void printable(String value, String where) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= ' ' || c >= 0x7f) {
        String what = c == '\r' ? "a carriage return (as a .env file with Windows line ends leaves)"
            : c == '\n' ? "a line feed" : c == ' ' ? "a space" : c < ' ' || c == 0x7f ? "a control character"
            : "a character outside printable ASCII";
        throw new CredentialsException(where + " holds " + what + " at position " + (i + 1) + " of "
            + value.length() + ": keys, secrets and tokens are printable ASCII without spaces; fix the value");
      }
    }
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
    String where = "profile '" + name + "' in " + file + ": ";
    printable(access, where + vendor.profileKey + "_access_key");
    printable(secret, where + vendor.profileKey + "_secret_key");
    Optional.ofNullable(values.get(vendor.profileKey + "_session_token"))
        .ifPresent(token -> printable(token, where + vendor.profileKey + "_session_token"));
    return Optional.of(new Credentials(access, secret, Optional.ofNullable(values.get(vendor.profileKey + "_session_token")),
        "profile " + name));
  }

  private Optional<String> firstSet(String... names) {
    for (String name : names) {
      if (variable(name).isPresent()) {
        return Optional.of(name);
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
