package dev.skulk.diagnostics.collectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class InterfaceAddressesTest {

  /** Expected texts are what glibc's inet_ntop (and so psutil on Linux) writes. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0:0:0:0:0:0:0:0, ::",
    "0:0:0:0:0:0:0:1, ::1",
    "fe80:0:0:0:a00:27ff:fe4e:66a1, fe80::a00:27ff:fe4e:66a1",
    "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
    "2001:db8:0:1:0:0:0:1, 2001:db8:0:1::1",
    "2001:db8:85a3:0:0:8a2e:370:7334, 2001:db8:85a3::8a2e:370:7334",
    "2001:0db8:0000:0000:0000:0000:0002:0001, 2001:db8::2:1",
    "2001:db8:1:2:3:4:5:6, 2001:db8:1:2:3:4:5:6",
    "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
    "fd7a:115c:a1e0:0:0:0:0:0, fd7a:115c:a1e0::",
    "0:0:0:0:0:ffff:c000:280, ::ffff:192.0.2.128",
    "0:0:0:0:0:0:c000:280, ::192.0.2.128",
  })
  void formatsIpv6LikeInetNtop(String full, String expected) throws UnknownHostException {
    assertThat(InterfaceAddresses.ntop6(parse6(full))).isEqualTo(expected);
  }

  @Test
  void linkLocalGetsTheInterfaceNameGlobalDoesNot() throws UnknownHostException {
    Inet6Address scoped = Inet6Address.getByAddress(null, parse6("fe80:0:0:0:1:0:0:1"), 4);
    Inet6Address global = Inet6Address.getByAddress(null, parse6("2001:db8:0:0:0:0:0:1"), -1);
    // What the JDK enumerates on Linux: a scope on every IPv6 address, loopback included.
    Inet6Address scopedLoopback = Inet6Address.getByAddress(null, parse6("0:0:0:0:0:0:0:1"), 1);
    Inet6Address scopedUniqueLocal = Inet6Address.getByAddress(null, parse6("fd00:0:0:0:0:0:0:2"), 4);

    assertThat(InterfaceAddresses.format(scoped, "en0")).isEqualTo("fe80::1:0:0:1%en0");
    assertThat(InterfaceAddresses.format(global, "en0")).isEqualTo("2001:db8::1");
    assertThat(InterfaceAddresses.format(scopedLoopback, "lo")).isEqualTo("::1");
    assertThat(InterfaceAddresses.format(scopedUniqueLocal, "eth0")).isEqualTo("fd00::2");
    assertThat(InterfaceAddresses.format(InetAddress.getByName("127.0.0.1"), "lo")).isEqualTo("127.0.0.1");
  }

  private static byte[] parse6(String full) {
    String[] groups = full.split(":");
    byte[] bytes = new byte[16];
    for (int i = 0; i < 8; i++) {
      int word = Integer.parseInt(groups[i], 16);
      bytes[2 * i] = (byte) (word >> 8);
      bytes[2 * i + 1] = (byte) word;
    }
    return bytes;
  }
}
