package dev.cloudmetrics.cdn;

import dev.cloudmetrics.failure.InvalidInputException;
import dev.cloudmetrics.output.TerminalText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Stream URLs as the CDN API wants them, and lists of them as users keep them in files. */
public final class StreamUrls {
  private static final String HLS_SUFFIX = "/index.m3u8";
  // A comment starts at a '#' that begins the line or follows white space; "a#b" is a fragment.
  private static final Pattern COMMENT = Pattern.compile("(^|\\s)#.*$");
  private static final Pattern ABSOLUTE = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^/?#\\s]+(/\\S*)?");

  private StreamUrls() {}

  /**
   * The form the API takes and answers with: trimmed, without query string and fragment, without
   * the HLS {@code /index.m3u8} suffix (any case) and without trailing slashes.
   */
  public static String normalize(String url) {
    String current = url.strip();
    int cut = indexOfAny(current, '?', '#');
    if (cut >= 0) {
      current = current.substring(0, cut);
    }
    // Repeated until nothing changes, so that normalizing twice gives what normalizing once did.
    String previous;
    do {
      previous = current;
      if (current.toLowerCase(Locale.ROOT).endsWith(HLS_SUFFIX)) {
        current = current.substring(0, current.length() - HLS_SUFFIX.length());
      }
      while (current.endsWith("/")) {
        current = current.substring(0, current.length() - 1);
      }
      current = current.strip();
    } while (!current.equals(previous));
    return current;
  }

  /** Whether the (normalized) URL is absolute, with a scheme and a host, as the API needs it. */
  public static boolean isAbsolute(String url) {
    return ABSOLUTE.matcher(url).matches();
  }

  /**
   * The entries of a streams file: one URL a line, also comma-separated; blank lines and
   * {@code #} comments ignored. Entries come back trimmed, not yet normalized.
   */
  public static List<String> parseList(Reader reader) throws IOException {
    List<String> entries = new ArrayList<>();
    BufferedReader lines = new BufferedReader(reader);
    int number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      if (line.indexOf('\uFFFD') >= 0) {
        // What the decoder put in place of bytes that are not UTF-8; no stream URL holds it.
        throw new InvalidInputException("--streams-file line " + number
            + ": not UTF-8 text (save the file as UTF-8; Chinese Windows editors may save it as GBK)");
      }
      // Files saved by Windows editors may start with a byte-order mark.
      String content = COMMENT.matcher(line.replace("\uFEFF", "")).replaceFirst("");
      for (String entry : content.split(",")) {
        if (!entry.isBlank()) {
          refuseUnsafe(entry.strip(), "--streams-file line " + number);
          entries.add(entry.strip());
        }
      }
    }
    return entries;
  }

  /**
   * Refuses a stream URL, or a line that holds them, with a character no stream URL has: a control
   * character (NUL, ESC, a line break) or a bidirectional override that shows one name and sends another.
   *
   * @param where the flag or the file's line, for the message
   */
  public static void refuseUnsafe(String text, String where) {
    if (TerminalText.hasUnsafe(text)) {
      throw new InvalidInputException(where + " '" + TerminalText.escape(text)
          + "': holds a control or bidirectional-override character; stream URLs are printable text");
    }
  }

  private static int indexOfAny(String text, char first, char second) {
    int a = text.indexOf(first);
    int b = text.indexOf(second);
    return a < 0 ? b : b < 0 ? a : Math.min(a, b);
  }
}
