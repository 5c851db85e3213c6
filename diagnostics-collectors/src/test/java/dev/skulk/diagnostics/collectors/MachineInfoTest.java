package dev.skulk.diagnostics.collectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MachineInfoTest {

  @Test
  void prettyHostnameQuotedUnquotedAndAbsent() {
    assertThat(MachineInfo.prettyHostname(List.of("PRETTY_HOSTNAME=\"Lena's Laptop\""))).isEqualTo("Lena's Laptop");
    assertThat(MachineInfo.prettyHostname(List.of("PRETTY_HOSTNAME='Build Box'"))).isEqualTo("Build Box");
    assertThat(MachineInfo.prettyHostname(List.of("PRETTY_HOSTNAME=plain"))).isEqualTo("plain");
    assertThat(MachineInfo.prettyHostname(List.of("PRETTY_HOSTNAME=\"a \\\\ b\""))).isEqualTo("a \\ b");
    assertThat(MachineInfo.prettyHostname(List.of("ICON_NAME=computer", "PRETTY_HOSTNAME=\"\""))).isNull();
    assertThat(MachineInfo.prettyHostname(List.of("CHASSIS=vm"))).isNull();
    assertThat(MachineInfo.prettyHostname(List.of())).isNull();
  }
}
