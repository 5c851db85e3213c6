package dev.skulk.diagnostics.cli;

import dev.skulk.diagnostics.cli.triage.ReportStyle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Whether the CLI's stdout or stderr is an interactive terminal (Java has no direct way to ask). */
final class Terminal {

  private Terminal() {}

  static boolean stderrIsTerminal() {
    if (System.getenv("SKULK_DIAG_PROGRESS") != null) {
      return !"0".equals(System.getenv("SKULK_DIAG_PROGRESS"));
    }
    return isTerminal(2);
  }

  /**
   * How to decorate reports on stdout: colour and the terminal's width when stdout is a terminal
   * (and {@code NO_COLOR} is not set), plain otherwise, so pipes, files and scripts get stable text.
   */
  static ReportStyle stdoutStyle() {
    if (!isTerminal(1)) {
      return ReportStyle.PLAIN;
    }
    ReportStyle style = ReportStyle.terminal(width());
    return System.getenv("NO_COLOR") != null ? new ReportStyle(false, style.width()) : style;
  }

  private static int width() {
    String columns = System.getenv("COLUMNS");
    if (columns != null && columns.matches("\\d{1,4}")) {
      return Integer.parseInt(columns);
    }
    try {
      Process stty = new ProcessBuilder("sh", "-c", "stty size < /dev/tty")
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      if (stty.waitFor(2, TimeUnit.SECONDS) && stty.exitValue() == 0) {
        String[] size = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim().split(" ");
        if (size.length == 2 && size[1].matches("\\d{1,4}")) {
          return Integer.parseInt(size[1]);
        }
      }
    } catch (IOException e) {
      // no stty: fall back to the classic width
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 80;
  }

  private static boolean isTerminal(int fd) {
    try {
      // `test -t N` inherits our descriptor N, so its answer is about the same file.
      ProcessBuilder builder = new ProcessBuilder("sh", "-c", "test -t " + fd);
      if (fd == 1) {
        builder.redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.DISCARD);
      } else {
        builder.redirectError(ProcessBuilder.Redirect.INHERIT).redirectOutput(ProcessBuilder.Redirect.DISCARD);
      }
      Process test = builder.start();
      return test.waitFor(2, TimeUnit.SECONDS) && test.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
