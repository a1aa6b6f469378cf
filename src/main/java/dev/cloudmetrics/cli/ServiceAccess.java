package dev.cloudmetrics.cli;

import dev.cloudmetrics.auth.CredentialSources;
import dev.cloudmetrics.auth.Credentials;
import dev.cloudmetrics.emulator.DemoCredentials;
import dev.cloudmetrics.emulator.Emulator;
import dev.cloudmetrics.emulator.EmulatorOptions;
import dev.cloudmetrics.failure.InvalidInputException;
import dev.cloudmetrics.http.ClientsAhead;
import dev.cloudmetrics.http.HttpTransport;
import dev.cloudmetrics.http.RequestLog;
import dev.cloudmetrics.http.TransportSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What a command needs to reach an API: credentials, the transport, and with --sandbox the
 * in-process emulator (its endpoint and demo credentials). Closing it stops the emulator.
 */
final class ServiceAccess implements AutoCloseable {
  private final GlobalSettings globals;
  private final CliEnvironment environment;
  private final Prefetch prefetch;
  private Emulator sandbox;
  private final List<HttpTransport> transports = new ArrayList<>();

  /** {@code prefetch} may hold the --sandbox emulator, started ahead; without one, a new one is started. */
  ServiceAccess(GlobalSettings globals, CliEnvironment environment, Prefetch prefetch) {
    this.globals = globals;
    this.environment = environment;
    this.prefetch = prefetch;
  }

  /** The emulator's base URL with --sandbox (started on first use), else empty. */
  Optional<URI> sandboxEndpoint() {
    if (!globals.sandbox()) {
      return Optional.empty();
    }
    if (sandbox == null) {
      sandbox = prefetch != null ? prefetch.sandbox() : Emulator.start(EmulatorOptions.defaults());
    }
    return Optional.of(sandbox.baseUri());
  }

  Credentials volcengine() {
    return globals.sandbox() ? DemoCredentials.VOLCENGINE : sources().volcengine();
  }

  Credentials ksyun() {
    return globals.sandbox() ? DemoCredentials.KSYUN : sources().ksyun();
  }

  HttpTransport transport(double requestsPerSecond, int retries) {
    return transport(requestsPerSecond, retries, UnaryOperator.identity());
  }

  /** A transport whose log of every attempt also goes through {@code observed} (the exporter counts them). */
  HttpTransport transport(double requestsPerSecond, int retries, UnaryOperator<RequestLog> observed) {
    if (retries < 0) {
      throw new InvalidInputException("--retries '" + retries + "': must be 0 or more");
    }
    TransportSettings defaults = TransportSettings.defaults();
    TransportSettings settings = new TransportSettings(defaults.connectTimeout(), defaults.requestTimeout(),
        retries, defaults.baseDelay(), defaults.maxDelay(), requestsPerSecond);
    HttpTransport transport = new HttpTransport(settings, observed.apply(log()), prefetch != null ? prefetch.clients() : ClientsAhead.none());
    transports.add(transport);
    return transport;
  }

  private RequestLog log() {
    if (globals.debug()) {
      return RequestLog.debug(environment.err());
    }
    return globals.verbose() ? RequestLog.verbose(environment.err()) : RequestLog.silent();
  }

  private CredentialSources sources() {
    return new CredentialSources(environment.variables(), globals.profile(), globals.config(), environment.home());
  }

  @Override
  public void close() {
    transports.forEach(HttpTransport::close);
    if (sandbox != null) {
      sandbox.close();
    }
  }
}
