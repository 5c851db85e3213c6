package dev.skulk.diagnostics.cluster;

import dev.skulk.diagnostics.cluster.internal.ByteBudget;
import dev.skulk.diagnostics.cluster.internal.PeerHttp;
import dev.skulk.diagnostics.cluster.internal.PlainJson;
import dev.skulk.diagnostics.model.NetworkInterfaceInfo;
import dev.skulk.diagnostics.model.NodeNetworkInfo;
import dev.skulk.diagnostics.spi.PeerDirectory;
import dev.skulk.diagnostics.state.ClusterStateView;
import dev.skulk.diagnostics.support.DaemonThreads;
import dev.skulk.diagnostics.time.Ticker;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peers as the host's cluster state knows them: for every other node, each non-loopback address
 * of its last gathered network reading, on the Skulk API port (52415 by default), confirmed by
 * {@code GET /node_id} answering that node's id as a JSON string. All addresses of all peers are
 * probed in parallel, each within a short timeout (1 s by default); the first address to confirm
 * wins. A node without a confirmed address is left out. The result is cached for a TTL (30 s).
 *
 * <p>Thread-safe. {@link #peers()} is free while the cache is fresh; a refresh blocks the caller
 * for up to the probe timeout (concurrent callers wait for the same refresh).
 */
public final class StatePeerDirectory implements PeerDirectory {

  /** The Skulk API port. */
  public static final int DEFAULT_API_PORT = 52415;

  private static final Logger LOG = LoggerFactory.getLogger(StatePeerDirectory.class);
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final int MAX_NODE_ID_BYTES = 4096;

  private final ClusterStateView state;
  private final int port;
  private final Duration probeTimeout;
  private final Duration cacheTtl;
  private final HttpClient http;
  private final boolean includeLoopback;
  private final Ticker ticker;
  private final PeerHttp probes;
  private @Nullable Map<String, URI> cached;
  private long cachedAtNanos;

  private StatePeerDirectory(Builder b) {
    this.state = b.state;
    this.port = b.port;
    this.probeTimeout = b.probeTimeout;
    this.cacheTtl = b.cacheTtl;
    this.includeLoopback = b.includeLoopback;
    this.ticker = b.ticker;
    this.http =
        b.http != null
            ? b.http
            : HttpClient.newBuilder()
                .connectTimeout(b.probeTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    // One timer thread that ends when idle (the directory has no close): it cuts probes at their timeout.
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, DaemonThreads.named("skulk-diag-probe"));
    timer.setRemoveOnCancelPolicy(true);
    timer.setKeepAliveTime(5, TimeUnit.SECONDS);
    timer.allowCoreThreadTimeOut(true);
    this.probes = new PeerHttp(http, timer, probeTimeout, ticker);
  }

  /** A builder over {@code state}. */
  public static Builder builder(ClusterStateView state) {
    return new Builder(state);
  }

  /** The confirmed peers in the state's node order; probes them when the cache is stale. */
  @Override
  public synchronized Map<String, URI> peers() {
    if (cached == null || ticker.read() - cachedAtNanos >= cacheTtl.toNanos()) {
      cached = probe();
      cachedAtNanos = ticker.read();
    }
    return cached;
  }

  /** Drops the cache: the next {@link #peers()} probes again. */
  public synchronized void invalidate() {
    cached = null;
  }

  private Map<String, URI> probe() {
    Map<String, CompletableFuture<@Nullable URI>> confirmations = new LinkedHashMap<>();
    for (String nodeId : state.nodeIds()) {
      if (nodeId.equals(state.nodeId()) || confirmations.containsKey(nodeId)) {
        continue;
      }
      List<URI> candidates;
      try {
        candidates = candidateUrls(state.network(nodeId), port, includeLoopback);
      } catch (RuntimeException e) {
        LOG.warn("Could not read the network of node {} from cluster state", nodeId, e);
        continue;
      }
      if (!candidates.isEmpty()) {
        confirmations.put(nodeId, firstConfirmed(nodeId, candidates));
      }
    }
    long waitNanos = probeTimeout.toNanos() + TimeUnit.MILLISECONDS.toNanos(250);
    long deadline = ticker.read() + waitNanos;
    Map<String, URI> peers = new LinkedHashMap<>();
    for (Map.Entry<String, CompletableFuture<@Nullable URI>> entry : confirmations.entrySet()) {
      URI url = null;
      try {
        url = entry.getValue().get(Math.max(0, deadline - ticker.read()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException | ExecutionException e) {
        entry.getValue().cancel(true);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      if (url != null) {
        peers.put(entry.getKey(), url);
      } else {
        LOG.debug("No address of node {} answered /node_id with its id", entry.getKey());
      }
    }
    return Collections.unmodifiableMap(peers);
  }

  /** Completes with the first candidate that confirms, or null once none can. */
  private CompletableFuture<@Nullable URI> firstConfirmed(String nodeId, List<URI> candidates) {
    CompletableFuture<@Nullable URI> result = new CompletableFuture<>();
    AtomicInteger left = new AtomicInteger(candidates.size());
    for (URI base : candidates) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(base + "/node_id"))
              .timeout(probeTimeout)
              .version(HttpClient.Version.HTTP_1_1)
              .header("Accept", "application/json")
              .GET()
              .build();
      CompletableFuture<Boolean> confirmed =
          probes.send(request, ticker.read() + probeTimeout.toNanos(), MAX_NODE_ID_BYTES, ByteBudget.unlimited())
              .thenApply(answer -> nodeId.equals(PlainJson.readString(answer.body())));
      confirmed.whenComplete(
          (ok, error) -> {
            if (Boolean.TRUE.equals(ok)) {
              result.complete(base);
            }
            if (left.decrementAndGet() == 0) {
              result.complete(null); // a no-op when an address confirmed
            }
          });
    }
    return result;
  }

  /**
   * The URLs to probe for one node: each distinct address of its network reading, in order, on
   * {@code port}; loopback (unless included), unspecified, multicast and IPv6 link-local addresses
   * (which need a zone) are skipped, and so is anything that is not an IP literal.
   */
  static List<URI> candidateUrls(@Nullable NodeNetworkInfo network, int port, boolean includeLoopback) {
    if (network == null) {
      return List.of();
    }
    Set<URI> urls = new LinkedHashSet<>();
    for (NetworkInterfaceInfo info : network.interfaces()) {
      InetAddress address = literal(info.ipAddress());
      if (address == null
          || (address.isLoopbackAddress() && !includeLoopback)
          || address.isAnyLocalAddress()
          || address.isMulticastAddress()
          || (address instanceof Inet6Address && address.isLinkLocalAddress())) {
        continue;
      }
      String host = address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
      urls.add(URI.create("http://" + host + ":" + port));
    }
    return new ArrayList<>(urls);
  }

  /** The address of an IP literal (never a DNS lookup), or null. */
  private static @Nullable InetAddress literal(String text) {
    String ip = text.trim();
    if (ip.startsWith("[") && ip.endsWith("]")) {
      ip = ip.substring(1, ip.length() - 1);
    }
    if (ip.indexOf('%') >= 0) {
      return null;
    }
    try {
      if (IPV4.matcher(ip).matches()) {
        String[] parts = ip.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
          int octet = Integer.parseInt(parts[i]);
          if (octet > 255) {
            return null;
          }
          bytes[i] = (byte) octet;
        }
        return InetAddress.getByAddress(bytes);
      }
      // With a ':' the JDK parses an IPv6 literal and never looks the text up.
      return ip.indexOf(':') >= 0 && ip.matches("[0-9A-Fa-f:.]+") ? InetAddress.getByName(ip) : null;
    } catch (UnknownHostException | NumberFormatException e) {
      return null;
    }
  }

  /**
   * Builds a {@link StatePeerDirectory}. Not thread-safe; the directory it builds is.
   *
   * <p>Defaults: port 52415, 1 s probe timeout, 30 s cache, loopback addresses skipped, an HTTP
   * client that follows no redirects.
   */
  public static final class Builder {
    private final ClusterStateView state;
    private int port = DEFAULT_API_PORT;
    private Duration probeTimeout = Duration.ofSeconds(1);
    private Duration cacheTtl = Duration.ofSeconds(30);
    private @Nullable HttpClient http;
    private boolean includeLoopback;
    private Ticker ticker = Ticker.system();

    private Builder(ClusterStateView state) {
      this.state = Objects.requireNonNull(state, "state");
    }

    /** The Skulk API port of every peer. */
    public Builder port(int port) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port must be within 1..65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /** The most one {@code /node_id} probe may take. */
    public Builder probeTimeout(Duration probeTimeout) {
      Objects.requireNonNull(probeTimeout, "probeTimeout");
      if (probeTimeout.isNegative() || probeTimeout.isZero()) {
        throw new IllegalArgumentException("probeTimeout must be positive, was " + probeTimeout);
      }
      this.probeTimeout = probeTimeout;
      return this;
    }

    /** How long a probed directory is reused. */
    public Builder cacheTtl(Duration cacheTtl) {
      this.cacheTtl = Objects.requireNonNull(cacheTtl, "cacheTtl");
      return this;
    }

    /** The HTTP client of the probes. */
    public Builder httpClient(HttpClient http) {
      this.http = Objects.requireNonNull(http, "http");
      return this;
    }

    /**
     * Whether loopback addresses are probed too (several nodes on one host, and tests); off by
     * default, since a peer's loopback address is this host's.
     */
    public Builder includeLoopback(boolean includeLoopback) {
      this.includeLoopback = includeLoopback;
      return this;
    }

    /** The monotonic time of the cache TTL and the probes' deadline (tests pass a fake one). */
    public Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /** The directory. */
    public StatePeerDirectory build() {
      return new StatePeerDirectory(this);
    }
  }
}
