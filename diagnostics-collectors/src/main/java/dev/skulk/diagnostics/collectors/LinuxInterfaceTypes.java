package dev.skulk.diagnostics.collectors;

import dev.skulk.diagnostics.model.InterfaceType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The physical kind of a Linux network interface, from {@code /sys/class/net/<name>}:
 *
 * <ol>
 *   <li>a {@code wireless} directory or a {@code phy80211} link: wifi;
 *   <li>a {@code device/driver} link to {@code thunderbolt-net} (or {@code thunderbolt_net}):
 *       thunderbolt;
 *   <li>a {@code device} link and {@code type} 1 ({@code ARPHRD_ETHER}): ethernet;
 *   <li>anything else (virtual interfaces, which have no {@code device}: bridges, veths, tunnels,
 *       VPNs, loopback; and physical non-Ethernet links such as InfiniBand): unknown.
 * </ol>
 *
 * Python Skulk has no such classifier (it reports every Linux interface as unknown); these rules
 * are ours.
 */
final class LinuxInterfaceTypes {

  private static final int ARPHRD_ETHER = 1;

  private LinuxInterfaceTypes() {}

  /** The type of the interface named {@code name} under {@code sysClassNet}. */
  static InterfaceType classify(Path sysClassNet, String name) {
    if (name.isEmpty() || name.contains("/") || name.equals("..") || name.equals(".")) {
      return InterfaceType.UNKNOWN;
    }
    return classify(sysClassNet.resolve(name));
  }

  /** The type of the interface whose sysfs directory is {@code interfaceDir}. */
  static InterfaceType classify(Path interfaceDir) {
    if (Files.isDirectory(interfaceDir.resolve("wireless"))
        || Files.exists(interfaceDir.resolve("phy80211"))) {
      return InterfaceType.WIFI;
    }
    Path device = interfaceDir.resolve("device");
    if (!Files.exists(device)) {
      return InterfaceType.UNKNOWN;
    }
    String driver = driverName(device.resolve("driver"));
    if ("thunderbolt-net".equals(driver) || "thunderbolt_net".equals(driver)) {
      return InterfaceType.THUNDERBOLT;
    }
    Integer type = arphrdType(interfaceDir.resolve("type"));
    return type != null && type == ARPHRD_ETHER ? InterfaceType.ETHERNET : InterfaceType.UNKNOWN;
  }

  /** The name of the driver a {@code device/driver} link points to, or null. */
  private static @Nullable String driverName(Path driverLink) {
    try {
      Path target =
          Files.isSymbolicLink(driverLink) ? Files.readSymbolicLink(driverLink) : driverLink.toRealPath();
      Path name = target.getFileName();
      return name == null ? null : name.toString();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static @Nullable Integer arphrdType(Path typeFile) {
    try {
      List<String> lines = Files.readAllLines(typeFile, StandardCharsets.US_ASCII);
      return lines.isEmpty() ? null : Integer.valueOf(lines.get(0).strip());
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
