package dev.skulk.diagnostics.collectors;

import dev.skulk.diagnostics.model.NodeIdentity;
import dev.skulk.diagnostics.model.NodeIdentityBuilder;
import dev.skulk.diagnostics.spi.CollectContext;
import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.spi.HostFacts;
import dev.skulk.diagnostics.spi.Slot;
import java.util.List;
import java.util.function.Supplier;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.OperatingSystem;
import org.jspecify.annotations.Nullable;

/**
 * The node's static identity ({@code identity}): hardware model (OSHI {@code ComputerSystem}
 * model), chip (the CPU brand), friendly name ({@code scutil --get ComputerName} on macOS; {@code
 * PRETTY_HOSTNAME} from {@code /etc/machine-info}, else the host name, on Linux; the host name
 * elsewhere), OS version and build (OSHI {@code OperatingSystem}: on macOS the product version and
 * build, such as {@code 15.3.1} / {@code 24D70}; on Linux the distribution version and the kernel
 * release), and the Skulk version and commit as the runtime collector reports them. A figure that
 * cannot be read is {@code Unknown}.
 *
 * <p>The hardware and OS facts are read once, on the first call, and memoized for the life of this
 * collector; version and commit follow the host facts of each call. Platforms: Linux, macOS,
 * Windows. Thread-safe. Cost: the first call asks OSHI (on macOS it runs {@code system_profiler}
 * and {@code scutil}, up to a second or two); later calls cost nothing.
 */
public final class IdentityCollector implements Collector<NodeIdentity> {

  /** This collector's name. */
  public static final String NAME = "identity";

  /**
   * The facts read once.
   *
   * @param modelId hardware model
   * @param chipId CPU brand
   * @param osVersion OS version
   * @param osBuildVersion OS build
   */
  record StaticFacts(
      @Nullable String modelId, @Nullable String chipId, @Nullable String osVersion, @Nullable String osBuildVersion) {}

  private final HostEnvironment host;
  private final Supplier<StaticFacts> oshiFacts;
  private volatile @Nullable NodeIdentity memoized;

  /** A collector for this machine. */
  public IdentityCollector() {
    this(HostEnvironment.current(), IdentityCollector::readOshi);
  }

  IdentityCollector(HostEnvironment host, Supplier<StaticFacts> oshiFacts) {
    this.host = host;
    this.oshiFacts = oshiFacts;
  }

  @Override
  public Slot<NodeIdentity> slot() {
    return Slot.IDENTITY;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean isAvailable() {
    return host.os().oshiSupported();
  }

  @Override
  public NodeIdentity collect(CollectContext context) {
    NodeIdentity base = memoized;
    if (base == null) {
      synchronized (this) {
        base = memoized;
        if (base == null) {
          base = readStatic();
          memoized = base;
        }
      }
    }
    HostFacts facts = context.hostFacts();
    return new NodeIdentityBuilder()
        .from(base)
        .skulkVersion(SkulkVersion.version(facts))
        .skulkCommit(SkulkVersion.commit(facts))
        .build();
  }

  private NodeIdentity readStatic() {
    StaticFacts facts = oshiFacts.get();
    return new NodeIdentityBuilder()
        .modelId(orUnknown(facts.modelId()))
        .chipId(orUnknown(facts.chipId()))
        .friendlyName(orUnknown(friendlyName()))
        .osVersion(orUnknown(facts.osVersion()))
        .osBuildVersion(orUnknown(facts.osBuildVersion()))
        .build();
  }

  private @Nullable String friendlyName() {
    switch (host.os()) {
      case MACOS: {
        String computerName = host.firstLineOf(List.of("scutil", "--get", "ComputerName"));
        return computerName != null ? computerName : host.hostname();
      }
      case LINUX: {
        String pretty =
            MachineInfo.prettyHostname(CollectorSupport.readLines(host.root().resolve("etc/machine-info")));
        return pretty != null ? pretty : host.hostname();
      }
      default:
        return host.hostname();
    }
  }

  private static StaticFacts readOshi() {
    OshiSystem oshi = new OshiSystem();
    HardwareAbstractionLayer hardware = oshi.hardware();
    OperatingSystem.OSVersionInfo version = oshi.os().getVersionInfo();
    return new StaticFacts(
        CollectorSupport.known(hardware.getComputerSystem().getModel()),
        CollectorSupport.known(hardware.getProcessor().getProcessorIdentifier().getName()),
        CollectorSupport.known(version.getVersion()),
        CollectorSupport.known(version.getBuildNumber()));
  }

  private static String orUnknown(@Nullable String value) {
    return value == null || value.isBlank() ? "Unknown" : value;
  }
}
