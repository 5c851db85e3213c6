package dev.skulk.diagnostics.collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skulk.diagnostics.model.Memory;
import dev.skulk.diagnostics.model.MlxMemorySnapshot;
import dev.skulk.diagnostics.spi.HostFactsBuilder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mlx-c through JNA for real, against a compiled stand-in exporting the three memory getters. */
class MlxMemoryCollectorTest {

  @Test
  void readsActiveAndCacheThroughJnaAndLeavesAFailedPeakNull(@TempDir Path dir) throws Exception {
    Path library = NativeTestLibraries.compile("fake_mlxc.c", dir, "fakemlxc");
    MlxMemoryCollector collector = new MlxMemoryCollector(library);

    assertThat(collector.isAvailable()).isTrue();
    MlxMemorySnapshot snapshot =
        collector.collect(TestContext.with(new HostFactsBuilder().mlxWiredLimitBytes(17_179_869_184L).build()));

    assertThat(snapshot.active()).isEqualTo(Memory.ofGiB(6));
    assertThat(snapshot.cache()).isEqualTo(Memory.ofGiB(1));
    assertThat(snapshot.peak()).isNull();
    assertThat(snapshot.wiredLimit()).isEqualTo(Memory.ofGiB(16));
    assertThat(snapshot.source()).isEqualTo("mlx-c");
    assertThat(snapshot.generatedAt()).isEqualTo("2026-11-27T03:13:13.123456+00:00");
  }

  @Test
  void hostFactsPathWinsOverTheEnvironment(@TempDir Path dir) throws Exception {
    Path library = NativeTestLibraries.compile("fake_mlxc.c", dir, "fakemlxc2");
    MlxMemoryCollector collector = new MlxMemoryCollector(dir.resolve("missing.so").toString());

    assertThat(collector.isAvailable()).isFalse();
    MlxMemorySnapshot snapshot =
        collector.collect(TestContext.with(new HostFactsBuilder().mlxLibraryPath(library.toString()).build()));
    assertThat(snapshot.active()).isEqualTo(Memory.ofGiB(6));
    assertThat(snapshot.wiredLimit()).isNull();
  }

  @Test
  void unavailableWithoutALibrary(@TempDir Path dir) {
    assertThat(new MlxMemoryCollector((String) null).isAvailable()).isFalse();
    assertThat(new MlxMemoryCollector("").isAvailable()).isFalse();
    assertThat(new MlxMemoryCollector((String) null).collect(TestContext.standalone())).isNull();
    MlxMemoryCollector broken = new MlxMemoryCollector(dir.resolve("libmlxc.so"));
    assertThat(broken.isAvailable()).isFalse();
    assertThatThrownBy(() -> broken.collect(TestContext.standalone()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot load mlx-c");
  }
}
