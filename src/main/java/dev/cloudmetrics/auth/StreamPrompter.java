package dev.cloudmetrics.auth;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * A terminal on stdin whose stdout is a pipe ({@code configure | cat}), where the JVM gives no
 * console: questions go to stderr, answers come from stdin, and {@code stty} hides typed secrets.
 */
public final class StreamPrompter implements Prompter {
  /** Turns the terminal's echo off and on again around a secret. */
  public interface Echo {
    /** Echo off; false when it could not be turned off. */
    boolean off();

    void on();

    /** The controlling terminal's echo, switched by {@code stty} (the JVM has no call for it without a console). */
    static Echo stty() {
      return new Echo() {
        @Override
        public boolean off() {
          return run("-echo");
        }

        @Override
        public void on() {
          run("echo");
        }
      };
    }

    private static boolean run(String setting) {
      try {
        return new ProcessBuilder("stty", setting).redirectInput(new File("/dev/tty"))
            .redirectError(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
      } catch (IOException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  private final BufferedReader in;
  private final PrintStream out;
  private final Echo echo;

  public StreamPrompter(BufferedReader in, PrintStream out, Echo echo) {
    this.in = in;
    this.out = out;
    this.echo = echo;
  }

  @Override
  public Optional<String> line(String prompt) {
    out.print(prompt);
    out.flush();
    try {
      return Optional.ofNullable(in.readLine());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Optional<String> secret(String prompt) {
    if (!echo.off()) {
      say("(the terminal's echo could not be turned off: what you type will show)");
    }
    try {
      return line(prompt);
    } finally {
      echo.on();
      // The Enter typed without echo left the cursor on the prompt's line.
      out.println();
    }
  }

  @Override
  public void say(String message) {
    out.println(message);
    out.flush();
  }
}
