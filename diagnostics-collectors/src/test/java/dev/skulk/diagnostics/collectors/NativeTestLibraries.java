package dev.skulk.diagnostics.collectors;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Compiles a test C source into a shared library in a temporary directory. */
final class NativeTestLibraries {

  private NativeTestLibraries() {}

  /**
   * Compiles {@code resource} (under {@code native/}) with {@code cc -shared -fPIC}; the calling
   * test is skipped, not failed, where there is no C compiler.
   */
  static Path compile(String resource, Path directory, String libraryName)
      throws IOException, InterruptedException {
    Path source = directory.resolve(resource);
    Files.writeString(source, Fixtures.text("native/" + resource));
    Path library = directory.resolve(System.mapLibraryName(libraryName));
    Process cc;
    try {
      cc =
          new ProcessBuilder(List.of("cc", "-shared", "-fPIC", "-o", library.toString(), source.toString()))
              .redirectErrorStream(true)
              .redirectOutput(directory.resolve("cc.log").toFile())
              .start();
    } catch (IOException e) {
      assumeTrue(false, "no C compiler (cc) on this machine: " + e.getMessage());
      throw e;
    }
    boolean finished = cc.waitFor(120, TimeUnit.SECONDS);
    if (!finished) {
      cc.destroyForcibly();
    }
    assumeTrue(finished && cc.exitValue() == 0 && Files.exists(library),
        () -> "cc could not build " + resource + ": " + readLog(directory));
    return library;
  }

  /** Like {@link #compile} but null instead of skipping, for a class-level fixture. */
  static @org.jspecify.annotations.Nullable Path compileOrNull(String resource, Path directory, String libraryName) {
    try {
      return compile(resource, directory, libraryName);
    } catch (org.opentest4j.TestAbortedException | IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static String readLog(Path directory) {
    try {
      return Files.readString(directory.resolve("cc.log"));
    } catch (IOException e) {
      return e.toString();
    }
  }
}
