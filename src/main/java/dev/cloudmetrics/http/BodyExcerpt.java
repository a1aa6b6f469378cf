package dev.cloudmetrics.http;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The start of a response body on one line, for messages about answers that are not what the API sends. */
public final class BodyExcerpt {
  /** Longest piece of a body that goes into a message. */
  public static final int LENGTH = 200;
  /** Longest piece of a body with no envelope (a proxy's page) that goes into the one-line error. */
  public static final int BRIEF = 100;
  private static final Pattern TITLE = Pattern.compile("<title>\\s*(.*?)\\s*</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

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

  /**
   * An HTML page as "an HTML page titled '502 Bad Gateway'" (or its text without tags), any other
   * body as its first line, at most {@link #BRIEF} characters: enough for the one-line error, where
   * --debug has the rest.
   */
  public static String brief(byte[] body) {
    String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.UTF_8).strip();
    if (head.startsWith("<")) {
      Matcher title = TITLE.matcher(head);
      String text = title.find() ? title.group(1) : head.replaceAll("<[^>]*>", " ");
      return "an HTML page" + (title.find(0) ? " titled '" : ": '") + of(text.getBytes(StandardCharsets.UTF_8), BRIEF)
          + "' (--debug shows it)";
    }
    String firstLine = head.lines().findFirst().orElse("");
    return of(firstLine.getBytes(StandardCharsets.UTF_8), BRIEF);
  }
}
