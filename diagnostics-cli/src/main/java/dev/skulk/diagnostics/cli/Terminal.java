package dev.skulk.diagnostics.cli;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Whether the CLI's stderr is an interactive terminal (Java has no direct way to ask). */
final class Terminal {

  private Terminal() {}

  static boolean stderrIsTerminal() {
    if (System.getenv("SKULK_DIAG_PROGRESS") != null) {
      return !"0".equals(System.getenv("SKULK_DIAG_PROGRESS"));
    }
    try {
      // `test -t 2` inherits our stderr, so its answer is about the same file descriptor.
      Process test = new ProcessBuilder("sh", "-c", "test -t 2")
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      return test.waitFor(2, TimeUnit.SECONDS) && test.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
