package dev.cloudmetrics.http;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Shows a signed request as text (what --dry-run prints), with every secret masked. */
public final class RequestPrinter {
  private RequestPrinter() {}

  /** {@code METHOD url}, {@code Host}, the headers, a blank line, the body, a blank line. */
  public static void print(ApiRequest request, PrintStream out) {
    out.print(text(request));
    out.flush();
  }

  static String text(ApiRequest request) {
    StringBuilder text = new StringBuilder();
    text.append(request.method()).append(' ').append(Redaction.url(request.uri())).append('\n');
    text.append("Host: ").append(request.hostHeader()).append('\n');
    request.headers().forEach((name, value) ->
        text.append(name).append(": ").append(Redaction.headerValue(name, value)).append('\n'));
    text.append('\n').append(new String(request.body(), StandardCharsets.UTF_8)).append("\n\n");
    return text.toString();
  }
}
