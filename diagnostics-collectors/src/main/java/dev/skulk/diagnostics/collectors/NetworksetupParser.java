package dev.skulk.diagnostics.collectors;

import dev.skulk.diagnostics.model.InterfaceType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Interface types from macOS {@code networksetup -listallhardwareports}, with Python Skulk's
 * rules: a {@code Hardware Port:} line sets the type ({@code Wi-Fi} is wifi; else a port name
 * containing {@code Ethernet} or {@code LAN} is ethernet; else one starting with {@code
 * Thunderbolt} is thunderbolt; else unknown), and the {@code Device:} line after it maps that
 * device to the type, except that an {@code en*} device other than {@code en0}/{@code en1} whose
 * type is ethernet becomes {@code maybe_ethernet} (USB and Thunderbolt adapters). Devices not
 * listed are unknown to the caller.
 */
final class NetworksetupParser {

  private static final String PORT = "Hardware Port:";
  private static final String DEVICE = "Device:";

  private NetworksetupParser() {}

  /** Device name to interface type, in listing order. */
  static Map<String, InterfaceType> parse(List<String> lines) {
    Map<String, InterfaceType> types = new LinkedHashMap<>();
    @Nullable InterfaceType current = null;
    for (String raw : lines) {
      String line = raw.strip();
      if (line.startsWith(PORT)) {
        current = portType(line.substring(PORT.length()).strip());
      } else if (line.startsWith(DEVICE) && current != null) {
        String device = line.substring(DEVICE.length()).strip();
        if (!device.isEmpty()) {
          types.put(device, deviceType(device, current));
        }
        current = null;
      }
    }
    return types;
  }

  static InterfaceType portType(String port) {
    if (port.equals("Wi-Fi")) {
      return InterfaceType.WIFI;
    }
    if (port.contains("Ethernet") || port.contains("LAN")) {
      return InterfaceType.ETHERNET;
    }
    if (port.startsWith("Thunderbolt")) {
      return InterfaceType.THUNDERBOLT;
    }
    return InterfaceType.UNKNOWN;
  }

  private static InterfaceType deviceType(String device, InterfaceType portType) {
    if (portType == InterfaceType.ETHERNET
        && device.startsWith("en")
        && !device.equals("en0")
        && !device.equals("en1")) {
      return InterfaceType.MAYBE_ETHERNET;
    }
    return portType;
  }
}
