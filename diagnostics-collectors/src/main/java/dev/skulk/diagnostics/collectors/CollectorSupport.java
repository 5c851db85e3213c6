package dev.skulk.diagnostics.collectors;

import dev.skulk.diagnostics.spi.CollectContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Small helpers shared by the collectors. */
final class CollectorSupport {

  /**
   * How long a fact that changes rarely (interface names, types and addresses; which volume holds
   * a directory) is served from memory before it is read again: a host polling every second reads
   * it once per ten polls, and a change shows within ten seconds.
   */
  static final Duration STATIC_FACT_TTL = Duration.ofSeconds(10);

  /**
   * How long an availability probe's answer (is {@code nvidia-smi} or {@code mactop} on the {@code
   * PATH}, is there an amdgpu device, did NVML or mlx-c load) is kept before it is checked again: a
   * tool installed while the host runs is found within five minutes, and a missing one costs one
   * probe per five minutes instead of one per poll.
   */
  static final Duration PROBE_TTL = Duration.ofMinutes(5);

  /** The least time a tool is given, even when the budget is nearly spent. */
  private static final Duration MIN_TOOL_TIME = Duration.ofMillis(50);

  private CollectorSupport() {}

  /** How long a tool may run: {@code max}, or what is left of the collector's budget if less. */
  static Duration toolTimeout(CollectContext context, Duration max) {
    long remaining = context.remainingNanos();
    Duration left = Duration.ofNanos(Math.max(0, remaining));
    Duration timeout = left.compareTo(max) < 0 ? left : max;
    return timeout.compareTo(MIN_TOOL_TIME) < 0 ? MIN_TOOL_TIME : timeout;
  }

  /** The first line of a small text file, stripped; null when missing, unreadable or empty. */
  static @Nullable String readFirstLine(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (lines.isEmpty()) {
        return null;
      }
      String line = lines.get(0).strip();
      return line.isEmpty() ? null : line;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** A small text file's lines; empty when missing or unreadable. */
  static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  /** Null for null, blank or OSHI's {@code unknown} placeholder; else the stripped text. */
  static @Nullable String known(@Nullable String value) {
    if (value == null) {
      return null;
    }
    String stripped = value.strip();
    return stripped.isEmpty() || stripped.equalsIgnoreCase("unknown") ? null : stripped;
  }
}
