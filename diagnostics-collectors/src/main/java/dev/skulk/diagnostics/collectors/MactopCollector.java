package dev.skulk.diagnostics.collectors;

import dev.skulk.diagnostics.collectors.internal.CommandRunner;
import dev.skulk.diagnostics.model.SystemPerformanceProfile;
import dev.skulk.diagnostics.spi.CollectContext;
import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.spi.Slot;
import dev.skulk.diagnostics.time.Ticker;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The system profile of an Apple silicon Mac ({@code resources.system}) from {@code mactop
 * --headless --format json}: the tool streams one JSON object per line; this reads the first one
 * and stops the tool, then maps it with Python Skulk's rules ({@link MactopParser}): GPU usage,
 * temperature and power, system power, P- and E-core usage; accelerator vendor {@code apple}, name
 * {@code Apple GPU}.
 *
 * <p>Platforms: macOS with {@code mactop} on the {@code PATH}. Priority 100. Thread-safe. Cost: one
 * mactop process for as long as it takes to write its first sample (its sampling interval, about a
 * second by default), bounded by the collector's budget. Whether {@code mactop} is on the {@code
 * PATH} is decided once and checked again only every {@link CollectorSupport#PROBE_TTL} (5
 * minutes).
 */
public final class MactopCollector implements Collector<SystemPerformanceProfile> {

  /** This collector's name. */
  public static final String NAME = "mactop";

  static final List<String> COMMAND = List.of("mactop", "--headless", "--format", "json");
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final OsFamily os;
  private final CommandRunner runner;
  private final Supplier<Boolean> toolPresent;
  private final Expiring<Boolean> present;

  /** A collector for this machine. */
  public MactopCollector() {
    this(
        OsFamily.current(),
        CommandRunner.system(),
        () -> CommandRunner.findOnPath("mactop", System.getenv("PATH")) != null);
  }

  MactopCollector(OsFamily os, CommandRunner runner, Supplier<Boolean> toolPresent) {
    this(os, runner, toolPresent, Ticker.system());
  }

  MactopCollector(OsFamily os, CommandRunner runner, Supplier<Boolean> toolPresent, Ticker ticker) {
    this.os = os;
    this.runner = runner;
    this.toolPresent = toolPresent;
    this.present = new Expiring<>(ticker, CollectorSupport.PROBE_TTL);
  }

  @Override
  public Slot<SystemPerformanceProfile> slot() {
    return Slot.SYSTEM_PROFILE;
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
    return os == OsFamily.MACOS && present.get(toolPresent::get);
  }

  @Override
  public @Nullable SystemPerformanceProfile collect(CollectContext context) throws Exception {
    List<String> lines =
        runner.run(COMMAND, CollectorSupport.toolTimeout(context, TIMEOUT), MactopParser::isObjectLine);
    MactopParser.MactopSample sample = MactopParser.parseFirst(lines);
    if (sample == null) {
      throw new IOException("mactop wrote no JSON object line (" + lines.size() + " lines)");
    }
    return sample.profile();
  }
}
