package dev.skulk.diagnostics.collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.skulk.diagnostics.model.InterfaceType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * On a fake sysfs tree under {@code src/test/resources/sysfs} that mirrors the real layout:
 * {@code class/net/<if>} links into {@code devices/...}, {@code device} and {@code device/driver}
 * are symbolic links, virtual interfaces live under {@code devices/virtual/net}.
 */
class LinuxInterfaceTypesTest {

  private static Path sysClassNet;

  @BeforeAll
  static void fakeSysfs() {
    String root = System.getProperty("skulk.test.sysfs", "src/test/resources/sysfs");
    sysClassNet = Path.of(root).resolve("class/net");
    // The tree is made of symbolic links; a checkout without them (Windows) cannot run this test.
    assumeTrue(Files.isSymbolicLink(sysClassNet.resolve("eth0")), "fake sysfs tree with symbolic links");
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "eth0, ethernet",
    "enp5s0, ethernet",
    "usb0, ethernet",
    "wlan0, wifi",
    "wlp2s0, wifi",
    "thunderbolt0, thunderbolt",
    "thunderbolt1, thunderbolt",
    "ib0, unknown",
    "lo, unknown",
    "docker0, unknown",
    "br0, unknown",
    "veth1a2b3c, unknown",
    "tun0, unknown",
    "wg0, unknown",
    "bond0, unknown",
    "eth0.100, unknown",
    "missing0, unknown",
  })
  void classifiesTheFakeTree(String name, String expected) {
    assertThat(LinuxInterfaceTypes.classify(sysClassNet, name)).isEqualTo(InterfaceType.fromWire(expected));
  }

  @Test
  void namesThatEscapeTheDirectoryAreUnknown() {
    assertThat(LinuxInterfaceTypes.classify(sysClassNet, "../net/eth0")).isEqualTo(InterfaceType.UNKNOWN);
    assertThat(LinuxInterfaceTypes.classify(sysClassNet, "..")).isEqualTo(InterfaceType.UNKNOWN);
    assertThat(LinuxInterfaceTypes.classify(sysClassNet, "")).isEqualTo(InterfaceType.UNKNOWN);
  }

  @Test
  void thisMachinesLoopbackIsUnknown() {
    Path real = Path.of("/sys/class/net");
    assumeTrue(Files.isDirectory(real.resolve("lo")), "a Linux sysfs");
    assertThat(LinuxInterfaceTypes.classify(real, "lo")).isEqualTo(InterfaceType.UNKNOWN);
  }
}
