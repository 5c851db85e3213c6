package dev.skulk.diagnostics.collectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.model.InterfaceType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworksetupParserTest {

  @Test
  void kiteStyleListingGivesTheExpectedTypes() {
    Map<String, InterfaceType> expected = new LinkedHashMap<>();
    for (String line : Fixtures.lines("platform/networksetup-expected.txt")) {
      if (!line.startsWith("#") && !line.isBlank()) {
        String[] parts = line.split(" ");
        expected.put(parts[0], InterfaceType.fromWire(parts[1]));
      }
    }

    Map<String, InterfaceType> parsed =
        NetworksetupParser.parse(Fixtures.lines("platform/networksetup-listallhardwareports.txt"));

    assertThat(parsed).containsExactlyInAnyOrderEntriesOf(expected);
    assertThat(parsed)
        .containsEntry("en2", InterfaceType.THUNDERBOLT)
        .containsEntry("en0", InterfaceType.ETHERNET)
        .containsEntry("en1", InterfaceType.WIFI)
        .containsEntry("en5", InterfaceType.MAYBE_ETHERNET)
        .containsEntry("en8", InterfaceType.UNKNOWN)
        .containsEntry("bridge0", InterfaceType.THUNDERBOLT);
  }

  @Test
  void portNames() {
    assertThat(NetworksetupParser.portType("Wi-Fi")).isEqualTo(InterfaceType.WIFI);
    assertThat(NetworksetupParser.portType("Ethernet")).isEqualTo(InterfaceType.ETHERNET);
    assertThat(NetworksetupParser.portType("USB 10/100/1000 LAN")).isEqualTo(InterfaceType.ETHERNET);
    assertThat(NetworksetupParser.portType("Thunderbolt Ethernet Slot 1")).isEqualTo(InterfaceType.ETHERNET);
    assertThat(NetworksetupParser.portType("Thunderbolt Bridge")).isEqualTo(InterfaceType.THUNDERBOLT);
    assertThat(NetworksetupParser.portType("Bluetooth PAN")).isEqualTo(InterfaceType.UNKNOWN);
  }

  @Test
  void ethernetOnEn0AndEn1StaysEthernetElsewhereMaybe() {
    List<String> lines =
        List.of(
            "Hardware Port: USB 10/100/1000 LAN",
            "Device: en1",
            "Hardware Port: USB 10/100/1000 LAN",
            "Device: en10",
            "Hardware Port: Ethernet",
            "Device: bond0");
    assertThat(NetworksetupParser.parse(lines))
        .containsExactly(
            Map.entry("en1", InterfaceType.ETHERNET),
            Map.entry("en10", InterfaceType.MAYBE_ETHERNET),
            Map.entry("bond0", InterfaceType.ETHERNET));
  }

  @Test
  void deviceWithoutPortAndEmptyOutputAreIgnored() {
    assertThat(NetworksetupParser.parse(List.of("Device: en3", "", "VLAN Configurations", "==="))).isEmpty();
    assertThat(NetworksetupParser.parse(List.of())).isEmpty();
  }
}
