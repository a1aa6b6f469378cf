package dev.cloudmetrics.failure;

import java.io.IOException;
import java.util.Locale;

/**
 * Writing the output failed: a full disk, a closed stdout, or a reader that went away (a closed
 * pipe, as in {@code | head -1}), which is no failure of the run but its end.
 */
public final class OutputFailedException extends IOException {
  private static final long serialVersionUID = 1L;

  private final boolean readerGone;

  /**
   * @param where what was being written: "stdout" or "--output 'PATH'"
   * @param cause the operating system's reason
   */
  public OutputFailedException(String where, IOException cause) {
    super("cannot write to " + where + ": " + reason(cause), cause);
    // EPIPE: the JDK reports it as "Broken pipe", the one reason that means nobody reads any more.
    this.readerGone = where.equals("stdout")
        && String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("broken pipe");
  }

  /** Whoever read stdout has gone: the run has nobody left to write for and ends quietly. */
  public boolean readerGone() {
    return readerGone;
  }

  private static String reason(IOException cause) {
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
