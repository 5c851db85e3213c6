package dev.skulk.diagnostics.collectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.model.Memory;
import dev.skulk.diagnostics.testkit.TestCollectContext;
import java.util.List;
import org.junit.jupiter.api.Test;
import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.testkit.CollectorCompatibilityKit;

class WiredMemoryCollectorTest extends CollectorCompatibilityKit {

  /** Linux has no wired figure: the kit runs the macOS path, native call failing, on recorded vm_stat. */
  @Override
  protected Collector<?> createCollector() {
    return new WiredMemoryCollector(OsFamily.MACOS, () -> null, new FakeRunner().answer("vm_stat", VM_STAT));
  }

  private static final List<String> VM_STAT = Fixtures.lines("platform/vm_stat.txt");

  @Test
  void unavailableOnLinuxAndWindows() {
    assertThat(new WiredMemoryCollector(OsFamily.LINUX, () -> 1L, new FakeRunner()).isAvailable()).isFalse();
    assertThat(new WiredMemoryCollector(OsFamily.WINDOWS, () -> 1L, new FakeRunner()).isAvailable()).isFalse();
    assertThat(new WiredMemoryCollector().isAvailable()).isEqualTo(OsFamily.current() == OsFamily.MACOS);
  }

  @Test
  void hostStatisticsFirst() throws Exception {
    FakeRunner runner = new FakeRunner().answer("vm_stat", VM_STAT);
    WiredMemoryCollector collector = new WiredMemoryCollector(OsFamily.MACOS, () -> 4_294_967_296L, runner);

    assertThat(collector.isAvailable()).isTrue();
    assertThat(collector.collect(TestCollectContext.create())).isEqualTo(Memory.ofGiB(4));
    assertThat(runner.commands).isEmpty();
  }

  @Test
  void vmStatWhenTheNativeCallFails() throws Exception {
    FakeRunner runner = new FakeRunner().answer("vm_stat", VM_STAT);
    WiredMemoryCollector failing =
        new WiredMemoryCollector(OsFamily.MACOS, () -> { throw new UnsatisfiedLinkError("no libSystem"); }, runner);
    WiredMemoryCollector noFigure = new WiredMemoryCollector(OsFamily.MACOS, () -> null, runner);

    assertThat(failing.collect(TestCollectContext.create())).isEqualTo(Memory.ofBytes(2_097_004_544L));
    assertThat(noFigure.collect(TestCollectContext.create())).isEqualTo(Memory.ofBytes(2_097_004_544L));
    assertThat(runner.commands).containsExactly(List.of("vm_stat"), List.of("vm_stat"));
  }

  @Test
  void noReadingWhenVmStatSaysNothingUseful() throws Exception {
    FakeRunner runner = new FakeRunner().answer("vm_stat", List.of("vm_stat: unexpected output"));
    assertThat(new WiredMemoryCollector(OsFamily.MACOS, () -> null, runner).collect(TestCollectContext.create()))
        .isNull();
  }
}
