package dev.skulk.diagnostics.collectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VmStatTest {

  @Test
  void parsesRecordedVmStatIntoTheExpectedBytes() {
    VmStat vmStat = VmStat.parse(Fixtures.lines("platform/vm_stat.txt"));
    Map<String, String> expected = Fixtures.expectedPairs("platform/vm_stat-expected.txt").get("");

    assertThat(expected).containsKeys("wiredBytes", "anonymousBytes", "compressorBytes");
    assertThat(vmStat).isNotNull();
    assertThat(vmStat.pageSizeBytes()).isEqualTo(16384);
    assertThat(Fixtures.actualPairs(vmStat, expected))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "wiredBytes", expected.get("wiredBytes"),
                "anonymousBytes", expected.get("anonymousBytes"),
                "compressorBytes", expected.get("compressorBytes")));
    assertThat(vmStat.wiredBytes()).isEqualTo(2_097_004_544L);
    assertThat(vmStat.anonymousBytes()).isEqualTo(8_030_437_376L);
    assertThat(vmStat.compressorBytes()).isZero();
  }

  @Test
  void gpuWireableIsTotalLessWiredAnonymousAndCompressor() {
    VmStat vmStat = VmStat.parse(Fixtures.lines("platform/vm_stat.txt"));
    // vm_stat-expected.txt: gpuWireable for ramTotal 25769803776 = 15642361856
    assertThat(vmStat.gpuWireable(25_769_803_776L)).isEqualTo(15_642_361_856L);
  }

  @Test
  void gpuWireableNeverGoesBelowZero() {
    VmStat vmStat = new VmStat(16384, 6_000, 5_000, 1_000);
    assertThat(vmStat.gpuWireable(10_000)).isZero();
  }

  @Test
  void everyCounterIsRequired() {
    for (String dropped : List.of("Pages wired down", "Anonymous pages", "Pages occupied by compressor", "page size of")) {
      List<String> lines = new ArrayList<>(Fixtures.lines("platform/vm_stat.txt"));
      lines.removeIf(line -> line.contains(dropped));
      assertThat(VmStat.parse(lines)).as("without %s", dropped).isNull();
    }
  }

  @Test
  void intelMacPageSizeAndNoiseLines() {
    List<String> lines =
        List.of(
            "Mach Virtual Memory Statistics: (page size of 4096 bytes)",
            "Pages free:                               12345.",
            "Pages wired down:                        1000.",
            "Anonymous pages:                          2000.",
            "Pages occupied by compressor:              300.",
            "garbage line without a colon",
            "\"Translation faults\":                 1638124573.");
    VmStat vmStat = VmStat.parse(lines);
    assertThat(vmStat).isEqualTo(new VmStat(4096, 4_096_000, 8_192_000, 1_228_800));
  }

  @Test
  void emptyOutputIsNoReading() {
    assertThat(VmStat.parse(List.of())).isNull();
  }
}
