package dev.skulk.diagnostics.collectors;

import dev.skulk.diagnostics.collectors.internal.CommandRunner;
import dev.skulk.diagnostics.model.InterfaceType;
import dev.skulk.diagnostics.model.NetworkInterfaceInfo;
import dev.skulk.diagnostics.model.NetworkInterfaceInfoBuilder;
import dev.skulk.diagnostics.model.NodeNetworkInfo;
import dev.skulk.diagnostics.model.NodeNetworkInfoBuilder;
import dev.skulk.diagnostics.spi.CollectContext;
import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.spi.Slot;
import dev.skulk.diagnostics.time.Ticker;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import oshi.hardware.NetworkIF;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's network interfaces ({@code resources.network}): one {@link NetworkInterfaceInfo} per
 * IPv4 or IPv6 address of each interface (loopback included, as Python's {@code
 * psutil.net_if_addrs()} lists it), interfaces in index order, IPv4 before IPv6 within one.
 * Interfaces come from OSHI ({@code NetworkIF}); addresses are written as psutil writes them (see
 * {@link InterfaceAddresses}: compressed IPv6, {@code %<interface>} on scoped link-local ones).
 *
 * <p>Types: on Linux from {@code /sys/class/net/<name>} ({@link LinuxInterfaceTypes}); on macOS
 * from {@code networksetup -listallhardwareports} with Python Skulk's rules ({@link
 * NetworksetupParser}), {@code unknown} for every interface when that tool fails; on Windows
 * {@code unknown}.
 *
 * <p>Interface names, types and addresses change rarely, so the list is read at most once per
 * {@link CollectorSupport#STATIC_FACT_TTL} (10 s) and served from memory in between: a new or
 * re-addressed interface shows within that time. A failed read is not cached.
 *
 * <p>Platforms: Linux, macOS, Windows. Thread-safe. Cost: a cache hit is a few nanoseconds; a
 * read (once per 10 s) is OSHI enumerating the interfaces (a few sysfs reads each, about a
 * millisecond on Linux) plus, on Linux, a handful of {@code stat}s per interface, or on macOS one
 * {@code networksetup} run (tens of milliseconds).
 */
public final class NetworkCollector implements Collector<NodeNetworkInfo> {

  /** This collector's name. */
  public static final String NAME = "oshi-network";

  private static final Logger LOG = LoggerFactory.getLogger(NetworkCollector.class);
  private static final Duration NETWORKSETUP_TIMEOUT = Duration.ofSeconds(5);

  /** One interface and its addresses, as enumerated. */
  record Nic(String name, int index, List<InetAddress> addresses) {}

  /** Enumerates the interfaces. */
  @FunctionalInterface
  interface NicSource {
    List<Nic> interfaces() throws Exception;
  }

  private final OsFamily os;
  private final NicSource nics;
  private final Path sysClassNet;
  private final CommandRunner runner;
  private final AtomicBoolean warnedNetworksetup = new AtomicBoolean();
  private final Expiring<NodeNetworkInfo> cached;

  /** A collector for this machine. */
  public NetworkCollector() {
    this(OsFamily.current(), null, Path.of("/sys/class/net"), CommandRunner.system());
  }

  NetworkCollector(
      OsFamily os, @org.jspecify.annotations.Nullable NicSource nics, Path sysClassNet, CommandRunner runner) {
    this(os, nics, sysClassNet, runner, Ticker.system());
  }

  NetworkCollector(OsFamily os, @org.jspecify.annotations.Nullable NicSource nics, Path sysClassNet,
      CommandRunner runner, Ticker ticker) {
    this.os = os;
    this.nics = nics != null ? nics : new OshiNics();
    this.sysClassNet = sysClassNet;
    this.runner = runner;
    this.cached = new Expiring<>(ticker, CollectorSupport.STATIC_FACT_TTL);
  }

  @Override
  public Slot<NodeNetworkInfo> slot() {
    return Slot.NETWORK;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean isAvailable() {
    return os.oshiSupported();
  }

  @Override
  public NodeNetworkInfo collect(CollectContext context) throws Exception {
    return cached.get(() -> read(context));
  }

  /** Enumerates and types the interfaces now. */
  private NodeNetworkInfo read(CollectContext context) throws Exception {
    List<Nic> interfaces = new ArrayList<>(nics.interfaces());
    interfaces.sort(Comparator.comparingInt(Nic::index).thenComparing(Nic::name));
    Function<String, InterfaceType> types = typeResolver(context);
    List<NetworkInterfaceInfo> entries = new ArrayList<>();
    for (Nic nic : interfaces) {
      List<InetAddress> ordered = new ArrayList<>(nic.addresses());
      ordered.sort(Comparator.comparingInt(a -> a instanceof Inet4Address ? 0 : 1));
      InterfaceType type = null;
      for (InetAddress address : ordered) {
        String text = InterfaceAddresses.format(address, nic.name());
        if (text == null) {
          continue;
        }
        if (type == null) {
          type = types.apply(nic.name());
        }
        entries.add(
            new NetworkInterfaceInfoBuilder().name(nic.name()).ipAddress(text).interfaceType(type).build());
      }
    }
    return new NodeNetworkInfoBuilder().interfaces(entries).build();
  }

  private Function<String, InterfaceType> typeResolver(CollectContext context) {
    switch (os) {
      case LINUX:
        return name -> LinuxInterfaceTypes.classify(sysClassNet, name);
      case MACOS:
        Map<String, InterfaceType> listed = networksetupTypes(context);
        return name -> listed.getOrDefault(name, InterfaceType.UNKNOWN);
      default:
        return name -> InterfaceType.UNKNOWN;
    }
  }

  private Map<String, InterfaceType> networksetupTypes(CollectContext context) {
    try {
      List<String> lines =
          runner.run(
              List.of("networksetup", "-listallhardwareports"),
              CollectorSupport.toolTimeout(context, NETWORKSETUP_TIMEOUT));
      return NetworksetupParser.parse(lines);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Map.of();
    } catch (Exception e) {
      if (warnedNetworksetup.compareAndSet(false, true)) {
        LOG.warn("networksetup failed; interface types are unknown: {}", e.toString(), e);
      } else {
        LOG.debug("networksetup failed; interface types are unknown", e);
      }
      return Map.of();
    }
  }

  /** Interfaces from OSHI, addresses from the JDK interface OSHI wraps. */
  private static final class OshiNics implements NicSource {
    private final OshiSystem oshi = new OshiSystem();

    @Override
    public List<Nic> interfaces() {
      List<Nic> result = new ArrayList<>();
      for (NetworkIF networkIf : oshi.hardware().getNetworkIFs(true)) {
        NetworkInterface jdk = networkIf.queryNetworkInterface();
        List<InetAddress> addresses =
            jdk == null ? List.of() : Collections.list(jdk.getInetAddresses());
        result.add(new Nic(networkIf.getName(), networkIf.getIndex(), addresses));
      }
      return result;
    }
  }
}
