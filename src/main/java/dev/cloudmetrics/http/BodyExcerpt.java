package dev.cloudmetrics.http;

import java.nio.charset.StandardCharsets;

/** The start of a response body on one line, for messages about answers that are not what the API sends. */
public final class BodyExcerpt {
  /** Longest piece of a body that goes into a message. */
  public static final int LENGTH = 200;

  private BodyExcerpt() {}

  /** Up to {@link #LENGTH} characters, runs of white space as one space; "empty response body" for none. */
  public static String of(byte[] body) {
    return of(body, LENGTH);
  }

  /** Up to {@code length} characters, as {@link #of(byte[])}. */
  public static String of(byte[] body, int length) {
    String text = new String(body, 0, Math.min(body.length, length * 4), StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
    if (text.isEmpty()) {
      return "empty response body";
    }
    return text.length() > length ? text.substring(0, length) + "..." : text;
  }
}
