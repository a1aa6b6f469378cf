package dev.cloudmetrics.http;

import java.net.http.HttpClient;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The TLS context of a client that only ever speaks plain HTTP (the emulator, {@code --sandbox},
 * an {@code http://} endpoint). Without one, the JDK's HttpClient sets up the default TLS context
 * when it is built: security providers, the trust store's 150 certificates, about a quarter of a
 * sandbox query's start-up. Anything that does ask it for TLS is refused, never half served.
 */
final class PlainHttpOnly extends SSLContext {
  private PlainHttpOnly() {
    super(new Refusing(), null, "none");
  }

  /**
   * The builder with this context. The only way in: a caller that names no TLS type is verified
   * without loading one, so a {@code --dry-run} that builds no client loads none either.
   */
  static HttpClient.Builder configure(HttpClient.Builder builder) {
    return builder.sslContext(new PlainHttpOnly()).sslParameters(new SSLParameters());
  }

  private static final class Refusing extends SSLContextSpi {
    private static UnsupportedOperationException refused() {
      return new UnsupportedOperationException("this HTTP client was built for http:// only; https needs TLS set up");
    }

    @Override
    protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) {
      throw refused();
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      throw refused();
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      throw refused();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      throw refused();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      throw refused();
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      throw refused();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      throw refused();
    }

    @Override
    protected SSLParameters engineGetDefaultSSLParameters() {
      return new SSLParameters();
    }

    @Override
    protected SSLParameters engineGetSupportedSSLParameters() {
      return new SSLParameters();
    }
  }
}
