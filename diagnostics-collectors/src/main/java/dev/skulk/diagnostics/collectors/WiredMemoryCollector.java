package dev.skulk.diagnostics.collectors;

import dev.skulk.diagnostics.collectors.internal.CommandRunner;
import dev.skulk.diagnostics.model.Memory;
import dev.skulk.diagnostics.spi.CollectContext;
import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.spi.Slot;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live wired (unpageable) memory ({@code resources.currentWired}): on macOS, {@code
 * host_statistics64(HOST_VM_INFO64)}'s wire count times the page size through JNA, with a parse of
 * {@code vm_stat} ({@code Pages wired down}) as the fallback when the native call fails.
 *
 * <p>Platforms: macOS only. Linux has no such figure (its "unevictable" and "mlocked" counters mean
 * something else) and Windows none either: there the collector is unavailable rather than making a
 * figure up. Thread-safe. Cost: one Mach call (microseconds); the fallback spawns {@code vm_stat}
 * (a few milliseconds).
 */
public final class WiredMemoryCollector implements Collector<Memory> {

  /** This collector's name. */
  public static final String NAME = "macos-wired-memory";

  private static final Logger LOG = LoggerFactory.getLogger(WiredMemoryCollector.class);
  private static final Duration VM_STAT_TIMEOUT = Duration.ofSeconds(5);

  /** A source of the wired byte count; null when it could not read it. */
  @FunctionalInterface
  interface WiredSource {
    @Nullable Long wiredBytes() throws Exception;
  }

  private final OsFamily os;
  private final WiredSource nativeSource;
  private final CommandRunner runner;

  /** A collector for this machine. */
  public WiredMemoryCollector() {
    // A lambda, not a method reference: MacHostStatistics (and JNA) is resolved only when called.
    this(OsFamily.current(), () -> MacHostStatistics.wiredBytes(), CommandRunner.system());
  }

  WiredMemoryCollector(OsFamily os, WiredSource nativeSource, CommandRunner runner) {
    this.os = os;
    this.nativeSource = nativeSource;
    this.runner = runner;
  }

  @Override
  public Slot<Memory> slot() {
    return Slot.CURRENT_WIRED;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int priority() {
    return 100;
  }

  @Override
  public boolean isAvailable() {
    return os == OsFamily.MACOS;
  }

  @Override
  public @Nullable Memory collect(CollectContext context) throws Exception {
    try {
      Long wired = nativeSource.wiredBytes();
      if (wired != null) {
        return Memory.ofBytes(wired);
      }
    } catch (Exception | LinkageError e) {
      LOG.warn("host_statistics64 failed, falling back to vm_stat: {}", e.toString(), e);
    }
    List<String> lines =
        runner.run(List.of("vm_stat"), CollectorSupport.toolTimeout(context, VM_STAT_TIMEOUT));
    VmStat vmStat = VmStat.parse(lines);
    if (vmStat == null) {
      LOG.warn("vm_stat output had no wired, anonymous or compressor figures");
      return null;
    }
    return Memory.ofBytes(vmStat.wiredBytes());
  }
}
