package dev.skulk.diagnostics.cluster.internal;

import dev.skulk.diagnostics.cluster.CommandRunner;
import dev.skulk.diagnostics.cluster.ProcessSampler;
import dev.skulk.diagnostics.model.DiagnosticProcessSample;
import dev.skulk.diagnostics.time.Ticker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The Linux samples (upstream has none): procfs status, wait channel and kernel stack, a JVM thread
 * dump through {@code jcmd}, a Python stack dump through {@code py-spy}. Not a stable API.
 *
 * <p>A procfs file is read directly, not through {@code cat}; its sample's command is {@code
 * ["read", <path>]} and its exit code null.
 */
public final class LinuxProcessSampler implements ProcessSampler {

  static final Duration TOOL_TIMEOUT = Duration.ofSeconds(10);

  private final CommandRunner runner;
  private final Path procRoot;
  private final Ticker ticker;

  /** Runs tools through {@code runner} and reads procfs under {@code procRoot}. */
  public LinuxProcessSampler(CommandRunner runner, Path procRoot) {
    this(runner, procRoot, Ticker.system());
  }

  /** As {@link #LinuxProcessSampler(CommandRunner, Path)}, timing file reads with {@code ticker}. */
  public LinuxProcessSampler(CommandRunner runner, Path procRoot, Ticker ticker) {
    this.runner = Objects.requireNonNull(runner, "runner");
    this.procRoot = Objects.requireNonNull(procRoot, "procRoot");
    this.ticker = Objects.requireNonNull(ticker, "ticker");
  }

  @Override
  public List<DiagnosticProcessSample> sample(long pid, double durationSeconds) {
    Path dir = procRoot.resolve(Long.toString(pid));
    List<DiagnosticProcessSample> samples = new ArrayList<>();
    samples.add(readFile("proc-status", dir.resolve("status"), true));
    for (String optional : List.of("wchan", "stack")) {
      DiagnosticProcessSample sample = readFile("proc-" + optional, dir.resolve(optional), false);
      if (sample != null) {
        samples.add(sample);
      }
    }
    String p = Long.toString(pid);
    if (isJvm(dir) && runner.isAvailable("jcmd")) {
      samples.add(runner.run("jcmd", List.of("jcmd", p, "Thread.print"), TOOL_TIMEOUT));
    }
    if (runner.isAvailable("py-spy")) {
      samples.add(runner.run("py-spy", List.of("py-spy", "dump", "--pid", p), TOOL_TIMEOUT));
    }
    return samples;
  }

  /** Whether the process's command line names java (procfs {@code cmdline}, NUL-separated). */
  static boolean isJvm(Path procDir) {
    try {
      byte[] raw = Files.readAllBytes(procDir.resolve("cmdline"));
      String cmdline = new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
      return cmdline.toLowerCase(Locale.ROOT).contains("java");
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Reads a procfs file; an unreadable optional file gives null (left out of the capture). */
  private @Nullable DiagnosticProcessSample readFile(String name, Path file, boolean required) {
    List<String> command = List.of("read", file.toString());
    long start = ticker.read();
    try (InputStream in = Files.newInputStream(file)) {
      // procfs files report size 0, so read to the end, bounded.
      ByteArrayOutputStream kept = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      boolean dropped = false;
      int n;
      while ((n = in.read(buffer)) >= 0) {
        int room = OutputText.MAX_BYTES - kept.size();
        if (n > room) {
          dropped = true;
          kept.write(buffer, 0, room);
          break;
        }
        kept.write(buffer, 0, n);
      }
      String text = OutputText.truncate(new String(kept.toByteArray(), StandardCharsets.UTF_8), dropped);
      return new DiagnosticProcessSample(name, command, true, null, seconds(start), text, "", null);
    } catch (IOException | RuntimeException e) {
      if (!required) {
        return null;
      }
      String reason =
          e instanceof NoSuchFileException
              ? "No such file: " + file
              : e instanceof AccessDeniedException
                  ? "Permission denied: " + file
                  : e.getClass().getSimpleName() + ": " + e.getMessage();
      return new DiagnosticProcessSample(name, command, false, null, seconds(start), null, null, reason);
    }
  }

  private double seconds(long startNanos) {
    return Math.max(0, ticker.read() - startNanos) / 1e9;
  }
}
