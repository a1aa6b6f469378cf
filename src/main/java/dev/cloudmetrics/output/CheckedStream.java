package dev.cloudmetrics.output;

import dev.cloudmetrics.failure.OutputFailedException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * stdout as every writer of rows sees it: unlike {@code System.out}, which swallows a failed write
 * and only says later that one failed, it throws {@link OutputFailedException} with the reason at
 * the first failure, so that a full disk or a closed pipe stops the run.
 */
public final class CheckedStream extends OutputStream {
  private final PrintStream out;

  private CheckedStream(PrintStream out) {
    this.out = out;
  }

  /** Writes to {@code out} and checks it after every write; never closes it. */
  public static OutputStream over(PrintStream out) {
    return new CheckedStream(out);
  }

  /**
   * The process's stdout as a PrintStream that keeps why a write failed, for {@link #over} to name
   * it (a PrintStream itself keeps only that one failed).
   */
  public static PrintStream stdout(OutputStream descriptor, Charset charset) {
    return new ReasonKeeping(new Reasons(descriptor), charset);
  }

  /** Throws when {@code out} failed at any time, naming why if it knows: for what wrote to it without this class. */
  public static void check(PrintStream out) throws OutputFailedException {
    if (out.checkError()) {
      throw failure(out);
    }
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    check(out);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    out.write(bytes, offset, length);
    check(out);
  }

  @Override
  public void flush() throws IOException {
    check(out);
  }

  private static OutputFailedException failure(PrintStream out) {
    IOException reason = out instanceof ReasonKeeping keeping && keeping.reasons.last != null
        ? keeping.reasons.last : new IOException("write failed");
    return new OutputFailedException("stdout", reason);
  }

  /** A PrintStream over {@link Reasons}, so that {@link #failure} finds the reason. */
  private static final class ReasonKeeping extends PrintStream {
    private final Reasons reasons;

    ReasonKeeping(Reasons reasons, Charset charset) {
      super(reasons, true, charset);
      this.reasons = reasons;
    }
  }

  /** Passes bytes on and keeps the last exception on the way. */
  private static final class Reasons extends FilterOutputStream {
    private IOException last;

    Reasons(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      try {
        out.write(bytes, offset, length);
      } catch (IOException e) {
        last = e;
        throw e;
      }
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        last = e;
        throw e;
      }
    }
  }
}
