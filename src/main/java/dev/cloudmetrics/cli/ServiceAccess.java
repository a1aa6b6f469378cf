package dev.cloudmetrics.cli;

import dev.cloudmetrics.auth.CredentialSources;
import dev.cloudmetrics.auth.Credentials;
import dev.cloudmetrics.emulator.DemoCredentials;
import dev.cloudmetrics.emulator.Emulator;
import dev.cloudmetrics.emulator.EmulatorOptions;
import dev.cloudmetrics.http.ClientsAhead;
import dev.cloudmetrics.http.EnvironmentProxies;
import dev.cloudmetrics.http.HttpTransport;
import dev.cloudmetrics.http.RequestLog;
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

  /** A transport for the user's --retries and --timeout at {@code requestsPerSecond}; closed with this. */
  HttpTransport transport(double requestsPerSecond, RetryOptions retry) {
    return transport(requestsPerSecond, retry, UnaryOperator.identity());
  }

  /** The same, its log of every attempt also going through {@code observed} (the exporter counts them). */
  HttpTransport transport(double requestsPerSecond, RetryOptions retry, UnaryOperator<RequestLog> observed) {
    HttpTransport transport = new HttpTransport(retry.settings(requestsPerSecond), observed.apply(log()),
        prefetch != null ? prefetch.clients() : ClientsAhead.none(),
        // The sandbox is in this very process: no proxy could reach it.
        globals.sandbox() ? Optional.empty() : EnvironmentProxies.of(environment.variables()));
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
