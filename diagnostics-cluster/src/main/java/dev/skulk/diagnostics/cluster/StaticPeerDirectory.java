package dev.skulk.diagnostics.cluster;

import dev.skulk.diagnostics.spi.PeerDirectory;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A fixed set of peers, given by the host: from a map, or from {@code NODE_ID=URL} strings (a
 * command line or an environment variable). Every URL is checked when the directory is built, so a
 * typo fails at startup with a message naming the entry rather than as a failed peer later.
 *
 * <p>A URL must be absolute {@code http} or {@code https} with a host, and carry no user-info,
 * query or fragment; a trailing {@code /} is dropped ({@code http://10.0.0.2:52415/} becomes {@code
 * http://10.0.0.2:52415}). A base path is allowed ({@code http://gw/skulk-a}).
 *
 * <p>Immutable and thread-safe; {@link #peers()} costs nothing.
 */
public final class StaticPeerDirectory implements PeerDirectory {

  private static final StaticPeerDirectory EMPTY = new StaticPeerDirectory(Map.of());

  private final Map<String, URI> peers;

  private StaticPeerDirectory(Map<String, URI> peers) {
    this.peers = peers;
  }

  /** A directory without peers: the cluster view then holds the local node only. */
  public static StaticPeerDirectory empty() {
    return EMPTY;
  }

  /**
   * The given peers, in the map's iteration order.
   *
   * @throws IllegalArgumentException when a node id is blank or a URL is not a valid peer URL
   */
  public static StaticPeerDirectory of(Map<String, URI> peers) {
    Objects.requireNonNull(peers, "peers");
    Map<String, URI> checked = new LinkedHashMap<>();
    peers.forEach(
        (nodeId, url) -> {
          String id = checkNodeId(nodeId, String.valueOf(nodeId));
          checked.put(id, checkUrl(id, Objects.requireNonNull(url, () -> "URL of peer '" + id + "'")));
        });
    return new StaticPeerDirectory(Collections.unmodifiableMap(checked));
  }

  /**
   * Parses {@code NODE_ID=URL} entries (whitespace around either part is ignored), in order.
   *
   * @throws IllegalArgumentException naming the entry, when one lacks the {@code =}, has a blank
   *     node id, repeats a node id, or has an invalid URL
   */
  public static StaticPeerDirectory parse(Collection<String> entries) {
    Objects.requireNonNull(entries, "entries");
    Map<String, URI> checked = new LinkedHashMap<>();
    for (String entry : entries) {
      Objects.requireNonNull(entry, "peer entry");
      int eq = entry.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException(
            "Peer entry '" + entry + "' is not NODE_ID=URL (for example node-b=http://10.0.0.2:52415)");
      }
      String nodeId = checkNodeId(entry.substring(0, eq).trim(), entry);
      String rawUrl = entry.substring(eq + 1).trim();
      URI url;
      try {
        url = new URI(rawUrl);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException(
            "Peer '" + nodeId + "' has an invalid URL '" + rawUrl + "': " + e.getMessage(), e);
      }
      if (checked.containsKey(nodeId)) {
        throw new IllegalArgumentException("Peer '" + nodeId + "' is listed twice (entry '" + entry + "')");
      }
      checked.put(nodeId, checkUrl(nodeId, url));
    }
    return new StaticPeerDirectory(Collections.unmodifiableMap(checked));
  }

  /** Same as {@link #parse(Collection)}. */
  public static StaticPeerDirectory parse(String... entries) {
    return parse(List.of(entries));
  }

  @Override
  public Map<String, URI> peers() {
    return peers;
  }

  @Override
  public String toString() {
    return "StaticPeerDirectory" + peers;
  }

  private static String checkNodeId(String nodeId, String entry) {
    if (nodeId == null || nodeId.isBlank()) {
      throw new IllegalArgumentException("Peer entry '" + entry + "' has a blank node id");
    }
    for (int i = 0; i < nodeId.length(); i++) {
      char c = nodeId.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '/') {
        throw new IllegalArgumentException(
            "Peer entry '" + entry + "' has a node id with whitespace, a control character or '/'");
      }
    }
    return nodeId;
  }

  /** Checks one peer URL and drops trailing slashes; package-private for StatePeerDirectory. */
  static URI checkUrl(String nodeId, URI url) {
    String prefix = "Peer '" + nodeId + "' has an invalid URL '" + url + "': ";
    if (!url.isAbsolute() || url.isOpaque()) {
      throw new IllegalArgumentException(prefix + "it must be absolute, like http://10.0.0.2:52415");
    }
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(prefix + "the scheme must be http or https");
    }
    if (url.getHost() == null || url.getHost().isEmpty()) {
      throw new IllegalArgumentException(prefix + "it has no (valid) host");
    }
    if (url.getRawUserInfo() != null) {
      throw new IllegalArgumentException(prefix + "user-info is not allowed (it would leak in errors)");
    }
    if (url.getRawQuery() != null || url.getRawFragment() != null) {
      throw new IllegalArgumentException(prefix + "a query or fragment is not allowed");
    }
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String host = url.getHost();
    int port = url.getPort();
    String authority = host + (port >= 0 ? ":" + port : "");
    return URI.create(scheme + "://" + authority + path);
  }
}
