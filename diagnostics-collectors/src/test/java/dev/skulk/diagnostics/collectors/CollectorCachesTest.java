package dev.skulk.diagnostics.collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.skulk.diagnostics.model.InterfaceType;
import dev.skulk.diagnostics.model.NetworkInterfaceInfo;
import dev.skulk.diagnostics.model.NodeNetworkInfo;
import dev.skulk.diagnostics.testkit.TestCollectContext;
import dev.skulk.diagnostics.testkit.TestTicker;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every cache of a rarely-changing fact in the default collectors, on a {@link TestTicker}: a
 * second call within the ttl is a hit (the source is not read again, a change is not yet seen),
 * and once the ttl has passed the next call reads the source again and reports the change. The
 * ttls are the documented ones: 10 s for network interfaces and disk volumes, 5 minutes for
 * availability probes.
 */
class CollectorCachesTest {

  private static final Duration FACT_TTL = Duration.ofSeconds(10);
  private static final Duration PROBE_TTL = Duration.ofMinutes(5);
  private static final Duration JUST_UNDER_FACT = FACT_TTL.minusNanos(1);
  private static final Duration JUST_UNDER_PROBE = PROBE_TTL.minusNanos(1);

  @TempDir static Path libraries;
  private static @Nullable Path fakeNvml;
  private static @Nullable Path fakeMlx;

  @BeforeAll
  static void compileStandIns() {
    fakeNvml = NativeTestLibraries.compileOrNull("fake_nvml.c", libraries, "fakenvml");
    fakeMlx = NativeTestLibraries.compileOrNull("fake_mlxc.c", libraries, "fakemlxc");
  }

  private final TestTicker ticker = new TestTicker();

  @Test
  void networkInterfacesAreReadOncePerTtl() throws Exception {
    AtomicInteger reads = new AtomicInteger();
    AtomicReference<String> address = new AtomicReference<>("10.0.0.1");
    NetworkCollector collector = new NetworkCollector(OsFamily.WINDOWS, () -> {
      reads.incrementAndGet();
      return List.of(new NetworkCollector.Nic("eth0", 2, List.of(InetAddress.getByName(address.get()))));
    }, Path.of("/nonexistent"), new FakeRunner(), ticker);

    assertThat(addresses(collector.collect(TestCollectContext.create()))).containsExactly("10.0.0.1");
    address.set("10.0.0.2");
    ticker.advance(JUST_UNDER_FACT);
    assertThat(addresses(collector.collect(TestCollectContext.create()))).as("hit").containsExactly("10.0.0.1");
    assertThat(reads).hasValue(1);

    ticker.advance(Duration.ofNanos(1));
    assertThat(addresses(collector.collect(TestCollectContext.create()))).as("expired: read again")
        .containsExactly("10.0.0.2");
    assertThat(reads).hasValue(2);
    assertThat(addresses(collector.collect(TestCollectContext.create()))).containsExactly("10.0.0.2");
    assertThat(reads).hasValue(2);
  }

  @Test
  void macosNetworksetupRunsOncePerTtl() throws Exception {
    FakeRunner runner = new FakeRunner()
        .answer("networksetup", Fixtures.lines("platform/networksetup-listallhardwareports.txt"));
    NetworkCollector collector = new NetworkCollector(OsFamily.MACOS,
        () -> List.of(new NetworkCollector.Nic("en0", 6, List.of(InetAddress.getByName("192.168.1.23")))),
        Path.of("/nonexistent"), runner, ticker);

    NodeNetworkInfo first = collector.collect(TestCollectContext.create());
    assertThat(first.interfaces()).containsExactly(
        new NetworkInterfaceInfo("en0", "192.168.1.23", InterfaceType.ETHERNET));
    ticker.advance(JUST_UNDER_FACT);
    assertThat(collector.collect(TestCollectContext.create())).isEqualTo(first);
    assertThat(runner.commands).hasSize(1);
    ticker.advance(Duration.ofNanos(1));
    assertThat(collector.collect(TestCollectContext.create())).isEqualTo(first);
    assertThat(runner.commands).hasSize(2);
  }

  @Test
  void nvidiaSmiPresenceIsProbedOncePerProbeTtl() {
    AtomicInteger probes = new AtomicInteger();
    AtomicBoolean installed = new AtomicBoolean(false);
    NvidiaSmiCollector collector = new NvidiaSmiCollector(OsFamily.LINUX, new FakeRunner(), () -> {
      probes.incrementAndGet();
      return installed.get();
    }, ticker);

    assertThat(collector.isAvailable()).isFalse();
    installed.set(true);
    ticker.advance(JUST_UNDER_PROBE);
    assertThat(collector.isAvailable()).as("hit: still the first answer").isFalse();
    assertThat(probes).hasValue(1);
    ticker.advance(Duration.ofNanos(1));
    assertThat(collector.isAvailable()).as("expired: probed again").isTrue();
    assertThat(collector.isAvailable()).isTrue();
    assertThat(probes).hasValue(2);
  }

  @Test
  void mactopPresenceIsProbedOncePerProbeTtl() {
    AtomicInteger probes = new AtomicInteger();
    AtomicBoolean installed = new AtomicBoolean(true);
    MactopCollector collector = new MactopCollector(OsFamily.MACOS, new FakeRunner(), () -> {
      probes.incrementAndGet();
      return installed.get();
    }, ticker);

    assertThat(collector.isAvailable()).isTrue();
    installed.set(false);
    ticker.advance(JUST_UNDER_PROBE);
    assertThat(collector.isAvailable()).as("hit").isTrue();
    assertThat(probes).hasValue(1);
    ticker.advance(Duration.ofNanos(1));
    assertThat(collector.isAvailable()).as("expired: probed again, now uninstalled").isFalse();
    assertThat(collector.isAvailable()).isFalse();
    assertThat(probes).hasValue(2);
  }

  @Test
  void amdgpuDeviceIsLookedForOncePerProbeTtl(@TempDir Path drm) throws IOException {
    AmdGpuCollector collector = new AmdGpuCollector(OsFamily.LINUX, drm, ticker);
    assertThat(collector.isAvailable()).isFalse();

    Path device = Files.createDirectories(drm.resolve("card0/device"));
    Files.writeString(device.resolve("gpu_busy_percent"), "12\n");
    assertThat(AmdGpuReader.findDevice(drm)).as("the device is there now").isNotNull();
    ticker.advance(JUST_UNDER_PROBE);
    assertThat(collector.isAvailable()).as("hit: the cached answer").isFalse();
    ticker.advance(Duration.ofNanos(1));
    assertThat(collector.isAvailable()).as("expired: looked again").isTrue();
  }

  @Test
  void diskVolumeIsLookedUpOncePerTtlAndAgainWhenTheDirectoryChanges(@TempDir Path home) throws IOException {
    AtomicInteger lookups = new AtomicInteger();
    List<Path> looked = new java.util.concurrent.CopyOnWriteArrayList<>();
    DiskCollector collector = new DiskCollector(home, directory -> {
      lookups.incrementAndGet();
      looked.add(directory);
      return Files.getFileStore(directory);
    }, ticker);
    FileStore real = Files.getFileStore(home);

    assertThat(collector.collect(TestCollectContext.create()).total().inBytes()).isEqualTo(real.getTotalSpace());
    ticker.advance(JUST_UNDER_FACT);
    collector.collect(TestCollectContext.create());
    assertThat(lookups).as("hit").hasValue(1);
    ticker.advance(Duration.ofNanos(1));
    collector.collect(TestCollectContext.create());
    assertThat(lookups).as("expired: looked up again").hasValue(2);

    Path models = Files.createDirectories(home.resolve(".skulk/models"));
    collector.collect(TestCollectContext.create());
    assertThat(lookups).as("a new directory is looked up at once").hasValue(3);
    assertThat(looked).containsExactly(home, home, models);
  }

  @Test
  void nvmlThatDidNotLoadIsTriedAgainAfterTheProbeTtl(@TempDir Path dir) throws IOException {
    assumeTrue(fakeNvml != null, "no C compiler to build the stand-in NVML");
    Path library = dir.resolve("libnvidia-ml.so.1");
    NvmlAcceleratorCollector collector = new NvmlAcceleratorCollector(OsFamily.LINUX, library.toString(), ticker);
    assertThat(collector.isAvailable()).isFalse();

    Files.copy(fakeNvml, library);
    ticker.advance(JUST_UNDER_PROBE);
    assertThat(collector.isAvailable()).as("the failure is remembered").isFalse();
    ticker.advance(Duration.ofNanos(1));
    assertThat(collector.isAvailable()).as("tried again: it loads now").isTrue();
    ticker.advance(PROBE_TTL.multipliedBy(3));
    assertThat(collector.isAvailable()).as("a loaded library stays loaded").isTrue();
  }

  @Test
  void mlxcThatDidNotLoadIsTriedAgainAfterTheProbeTtl(@TempDir Path dir) throws IOException {
    assumeTrue(fakeMlx != null, "no C compiler to build the stand-in mlx-c");
    Path library = dir.resolve("libmlxc.so");
    MlxMemoryCollector collector = new MlxMemoryCollector(library.toString(), ticker);
    assertThat(collector.isAvailable()).isFalse();

    Files.copy(fakeMlx, library);
    ticker.advance(JUST_UNDER_PROBE);
    assertThat(collector.isAvailable()).as("the failure is remembered").isFalse();
    ticker.advance(Duration.ofNanos(1));
    assertThat(collector.isAvailable()).as("tried again: it loads now").isTrue();
    assertThat(collector.collect(TestCollectContext.create())).isNotNull();
  }

  @Test
  void hostNameIsReadOncePerTtl(@TempDir Path root) throws IOException {
    Path file = Files.createDirectories(root.resolve("proc/sys/kernel")).resolve("hostname");
    Files.writeString(file, "kite-03\n");
    RuntimeCollector collector = new RuntimeCollector(
        new HostEnvironment(OsFamily.LINUX, name -> null, root, new FakeRunner(), root.toString()), ticker);

    assertThat(collector.collect(TestCollectContext.create()).hostname()).isEqualTo("kite-03");
    Files.writeString(file, "kite-04\n");
    ticker.advance(JUST_UNDER_FACT);
    assertThat(collector.collect(TestCollectContext.create()).hostname()).as("hit").isEqualTo("kite-03");
    ticker.advance(Duration.ofNanos(1));
    assertThat(collector.collect(TestCollectContext.create()).hostname()).as("expired: read again")
        .isEqualTo("kite-04");
  }

  private static List<String> addresses(NodeNetworkInfo network) {
    return network.interfaces().stream().map(NetworkInterfaceInfo::ipAddress).toList();
  }
}
