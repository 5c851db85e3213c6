package dev.skulk.diagnostics.collectors;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import org.jspecify.annotations.Nullable;

/**
 * Formats interface addresses exactly as Python's {@code psutil.net_if_addrs()} reports them
 * (which is what Python Skulk puts in {@code ipAddress}): IPv4 dotted; IPv6 as C's {@code
 * inet_ntop} writes it (lower-case hex, leading zeros dropped, the longest run of two or more zero
 * groups as {@code ::}, IPv4-mapped and IPv4-compatible addresses in mixed notation) followed, for
 * a link-local address, by {@code %} and the interface name as {@code getnameinfo} adds it ({@code
 * fe80::1%lo0}, {@code fe80::a00:27ff:fe4e:66a1%eth0}); global, unique-local and loopback
 * addresses carry no suffix ({@code ::1}, {@code fd00::2}). Java's own {@code getHostAddress()}
 * writes neither the compressed form nor the interface name, and adds a numeric scope to every
 * IPv6 address on Linux.
 */
final class InterfaceAddresses {

  private InterfaceAddresses() {}

  /** The address as psutil writes it for an address of interface {@code interfaceName}. */
  static @Nullable String format(InetAddress address, String interfaceName) {
    if (address instanceof Inet4Address) {
      return address.getHostAddress();
    }
    if (!(address instanceof Inet6Address)) {
      return null;
    }
    Inet6Address v6 = (Inet6Address) address;
    String text = ntop6(v6.getAddress());
    // The kernel gives a scope id only to link-local addresses, and getnameinfo names it; the JDK
    // on Linux attaches the interface index to every IPv6 address, which psutil never shows.
    if (v6.isLinkLocalAddress() || v6.isMCLinkLocal()) {
      return text + "%" + interfaceName;
    }
    return text;
  }

  /** An IPv6 address in glibc {@code inet_ntop} form. */
  static String ntop6(byte[] bytes) {
    int[] words = new int[8];
    for (int i = 0; i < 8; i++) {
      words[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
    }
    int bestBase = -1;
    int bestLen = 0;
    int curBase = -1;
    int curLen = 0;
    for (int i = 0; i < 8; i++) {
      if (words[i] == 0) {
        if (curBase == -1) {
          curBase = i;
          curLen = 1;
        } else {
          curLen++;
        }
      } else if (curBase != -1) {
        if (bestBase == -1 || curLen > bestLen) {
          bestBase = curBase;
          bestLen = curLen;
        }
        curBase = -1;
      }
    }
    if (curBase != -1 && (bestBase == -1 || curLen > bestLen)) {
      bestBase = curBase;
      bestLen = curLen;
    }
    if (bestBase != -1 && bestLen < 2) {
      bestBase = -1;
    }
    StringBuilder out = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (bestBase != -1 && i >= bestBase && i < bestBase + bestLen) {
        if (i == bestBase) {
          out.append(':');
        }
        continue;
      }
      if (i != 0) {
        out.append(':');
      }
      if (i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && words[5] == 0xffff))) {
        out.append(bytes[12] & 0xff).append('.').append(bytes[13] & 0xff).append('.')
            .append(bytes[14] & 0xff).append('.').append(bytes[15] & 0xff);
        return out.toString();
      }
      out.append(Integer.toHexString(words[i]));
    }
    if (bestBase != -1 && bestBase + bestLen == 8) {
      out.append(':');
    }
    return out.toString();
  }
}
