package dev.cloudmetrics.cdn;

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
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      // Files saved by Windows editors may start with a byte-order mark.
      String content = COMMENT.matcher(line.replace("\uFEFF", "")).replaceFirst("");
      for (String entry : content.split(",")) {
        if (!entry.isBlank()) {
          entries.add(entry.strip());
        }
      }
    }
    return entries;
  }

  private static int indexOfAny(String text, char first, char second) {
    int a = text.indexOf(first);
    int b = text.indexOf(second);
    return a < 0 ? b : b < 0 ? a : Math.min(a, b);
  }
}
