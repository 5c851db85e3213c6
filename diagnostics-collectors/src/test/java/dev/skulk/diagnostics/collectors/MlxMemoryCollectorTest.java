package dev.skulk.diagnostics.collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.skulk.diagnostics.assembly.AssemblyReport;
import dev.skulk.diagnostics.assembly.CollectorOutcome;
import dev.skulk.diagnostics.assembly.DiagnosticsAssembler;
import dev.skulk.diagnostics.model.Memory;
import dev.skulk.diagnostics.model.MlxMemorySnapshot;
import dev.skulk.diagnostics.spi.HostFacts;
import dev.skulk.diagnostics.spi.HostFactsBuilder;
import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.testkit.CollectorCompatibilityKit;
import dev.skulk.diagnostics.testkit.TestClock;
import dev.skulk.diagnostics.testkit.TestCollectContext;
import java.nio.file.Path;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mlx-c through JNA for real, against a stand-in exporting the three memory getters compiled from
 * {@code native/fake_mlxc.c}; the compatibility kit runs against it too (or against the default
 * collector, unavailable here, where no C compiler is installed).
 */
class MlxMemoryCollectorTest extends CollectorCompatibilityKit {

  /** A clock instant with microseconds, to check how {@code generatedAt} is formatted. */
  private static final Instant NOW = Instant.parse("2026-11-27T03:13:13.123456Z");

  @TempDir static Path libraries;
  private static @Nullable Path fakeMlx;

  @BeforeAll
  static void compileFakeMlx() {
    fakeMlx = NativeTestLibraries.compileOrNull("fake_mlxc.c", libraries, "fakemlxc");
  }

  @Override
  protected Collector<?> createCollector() {
    return fakeMlx == null ? new MlxMemoryCollector() : new MlxMemoryCollector(fakeMlx);
  }

  @Test
  void readsActiveAndCacheThroughJnaAndLeavesAFailedPeakNull() throws Exception {
    assumeTrue(fakeMlx != null, "no C compiler to build the stand-in mlx-c");
    MlxMemoryCollector collector = new MlxMemoryCollector(fakeMlx);

    assertThat(collector.isAvailable()).isTrue();
    MlxMemorySnapshot snapshot =
        collector.collect(
            TestCollectContext.builder()
                .clock(TestClock.at(NOW))
                .hostFacts(new HostFactsBuilder().mlxWiredLimitBytes(17_179_869_184L).build())
                .build());

    assertThat(snapshot.active()).isEqualTo(Memory.ofGiB(6));
    assertThat(snapshot.cache()).isEqualTo(Memory.ofGiB(1));
    assertThat(snapshot.peak()).isNull();
    assertThat(snapshot.wiredLimit()).isEqualTo(Memory.ofGiB(16));
    assertThat(snapshot.source()).isEqualTo("mlx-c");
    assertThat(snapshot.generatedAt()).isEqualTo("2026-11-27T03:13:13.123456+00:00");
  }

  @Test
  void hostFactsPathWinsOverTheEnvironment(@TempDir Path dir) throws Exception {
    assumeTrue(fakeMlx != null, "no C compiler to build the stand-in mlx-c");
    Path library = fakeMlx;
    MlxMemoryCollector collector = new MlxMemoryCollector(dir.resolve("missing.so").toString());

    assertThat(collector.isAvailable()).isFalse();
    MlxMemorySnapshot snapshot =
        collector.collect(
            TestCollectContext.builder()
                .hostFacts(new HostFactsBuilder().mlxLibraryPath(library.toString()).build())
                .build());
    assertThat(snapshot.active()).isEqualTo(Memory.ofGiB(6));
    assertThat(snapshot.wiredLimit()).isNull();
  }

  @Test
  void anAssemblerFindsTheLibraryThroughHostFactsAlone() {
    assumeTrue(fakeMlx != null, "no C compiler to build the stand-in mlx-c");
    MlxMemoryCollector discovered = new MlxMemoryCollector((String) null); // as ServiceLoader builds it, no env
    HostFacts facts = new HostFactsBuilder().mlxLibraryPath(fakeMlx.toString()).mlxWiredLimitBytes(1L << 34).build();

    assertThat(discovered.isAvailable()).isFalse();
    assertThat(discovered.isAvailable(TestCollectContext.builder().hostFacts(facts).build())).isTrue();
    try (DiagnosticsAssembler assembler =
        DiagnosticsAssembler.builder().nodeId("node-a").addCollector(discovered).hostFacts(facts).build()) {
      AssemblyReport report = assembler.assembleNodeReport();
      assertThat(report.outcome(MlxMemoryCollector.NAME).status()).isEqualTo(CollectorOutcome.Status.OK);
      assertThat(report.mlxMemory()).isNotNull();
      assertThat(report.mlxMemory().active()).isEqualTo(Memory.ofGiB(6));
      assertThat(report.mlxMemory().wiredLimit()).isEqualTo(Memory.ofGiB(16));
    }
    try (DiagnosticsAssembler assembler =
        DiagnosticsAssembler.builder().nodeId("node-a").addCollector(discovered).build()) {
      assertThat(assembler.assembleNodeReport().outcome(MlxMemoryCollector.NAME).status())
          .isEqualTo(CollectorOutcome.Status.UNAVAILABLE);
    }
  }

  @Test
  void unavailableWithoutALibrary(@TempDir Path dir) {
    assertThat(new MlxMemoryCollector((String) null).isAvailable()).isFalse();
    assertThat(new MlxMemoryCollector("").isAvailable()).isFalse();
    assertThat(new MlxMemoryCollector((String) null).collect(TestCollectContext.create())).isNull();
    MlxMemoryCollector broken = new MlxMemoryCollector(dir.resolve("libmlxc.so"));
    assertThat(broken.isAvailable()).isFalse();
    assertThatThrownBy(() -> broken.collect(TestCollectContext.create()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot load mlx-c");
  }
}
