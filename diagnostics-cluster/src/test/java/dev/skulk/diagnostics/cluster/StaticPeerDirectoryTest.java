package dev.skulk.diagnostics.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StaticPeerDirectoryTest {

  @Test
  void parsesEntriesInOrderAndNormalizesUrls() {
    StaticPeerDirectory dir =
        StaticPeerDirectory.parse(" node-b = http://10.0.0.2:52415/ ", "node-a=HTTPS://gw.example/skulk-a/", "c=http://[fe80::1]:52415");
    assertThat(dir.peers()).containsExactly(
        Map.entry("node-b", URI.create("http://10.0.0.2:52415")),
        Map.entry("node-a", URI.create("https://gw.example/skulk-a")),
        Map.entry("c", URI.create("http://[fe80::1]:52415")));
    assertThat(List.copyOf(dir.peers().keySet())).containsExactly("node-b", "node-a", "c");
  }

  @Test
  void fromAMapKeepsItsOrder() {
    Map<String, URI> peers = new LinkedHashMap<>();
    peers.put("z", URI.create("http://z:1"));
    peers.put("a", URI.create("http://a:1/"));
    assertThat(StaticPeerDirectory.of(peers).peers()).containsExactly(
        Map.entry("z", URI.create("http://z:1")), Map.entry("a", URI.create("http://a:1")));
    assertThat(StaticPeerDirectory.empty().peers()).isEmpty();
  }

  @Test
  void rejectsBadEntriesWithMessagesNamingThem() {
    assertThatThrownBy(() -> StaticPeerDirectory.parse("node-b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'node-b' is not NODE_ID=URL");
    assertThatThrownBy(() -> StaticPeerDirectory.parse(" =http://x:1"))
        .hasMessageContaining("blank node id");
    assertThatThrownBy(() -> StaticPeerDirectory.parse("a b=http://x:1"))
        .hasMessageContaining("whitespace");
    assertThatThrownBy(() -> StaticPeerDirectory.parse("a=ftp://x:1"))
        .hasMessageContaining("Peer 'a' has an invalid URL 'ftp://x:1'")
        .hasMessageContaining("http or https");
    assertThatThrownBy(() -> StaticPeerDirectory.parse("a=10.0.0.2:52415"))
        .hasMessageContaining("Peer 'a' has an invalid URL");
    assertThatThrownBy(() -> StaticPeerDirectory.parse("a=/relative"))
        .hasMessageContaining("absolute");
    assertThatThrownBy(() -> StaticPeerDirectory.parse("a=http://has space:1"))
        .hasMessageContaining("Peer 'a' has an invalid URL");
    assertThatThrownBy(() -> StaticPeerDirectory.parse("a=http://user:secret@x:1"))
        .hasMessageContaining("user-info");
    assertThatThrownBy(() -> StaticPeerDirectory.parse("a=http://x:1/?q=1"))
        .hasMessageContaining("query or fragment");
    assertThatThrownBy(() -> StaticPeerDirectory.parse("a=http://under_score:1"))
        .hasMessageContaining("no (valid) host");
    assertThatThrownBy(() -> StaticPeerDirectory.parse("a=http://x:1", "a=http://y:1"))
        .hasMessageContaining("'a' is listed twice");
    assertThatThrownBy(() -> StaticPeerDirectory.of(Map.of("", URI.create("http://x:1"))))
        .hasMessageContaining("blank node id");
  }
}
