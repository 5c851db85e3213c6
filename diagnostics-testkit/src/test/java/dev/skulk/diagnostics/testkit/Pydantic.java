package dev.skulk.diagnostics.testkit;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Whether this machine has the Python peer the interop tests talk to: python3 with pydantic 2. */
final class Pydantic {

  private Pydantic() {}

  static boolean isInstalled() {
    try {
      Process probe = new ProcessBuilder("python3", "-c", "import pydantic, sys; sys.exit(0 if pydantic.VERSION >= '2' else 1)")
          .redirectErrorStream(true).start();
      probe.getInputStream().readAllBytes();
      return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
