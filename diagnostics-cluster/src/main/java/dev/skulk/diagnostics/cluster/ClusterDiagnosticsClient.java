package dev.skulk.diagnostics.cluster;

import dev.skulk.diagnostics.cluster.internal.ByteBudget;
import dev.skulk.diagnostics.cluster.internal.InFlightLimit;
import dev.skulk.diagnostics.cluster.internal.PeerHttp;
import dev.skulk.diagnostics.json.DiagnosticsFormatException;
import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.json.PythonFloats;
import dev.skulk.diagnostics.model.ClusterDiagnostics;
import dev.skulk.diagnostics.model.ClusterNodeDiagnostics;
import dev.skulk.diagnostics.model.DiagnosticCaptureRequest;
import dev.skulk.diagnostics.model.DiagnosticCaptureResponse;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.Timestamps;
import dev.skulk.diagnostics.spi.PeerDirectory;
import dev.skulk.diagnostics.state.ClusterStateView;
import dev.skulk.diagnostics.support.DaemonThreads;
import dev.skulk.diagnostics.support.WarnOnceLog;
import dev.skulk.diagnostics.time.Ticker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster view: this node's bundle plus every peer's, fetched in parallel under one deadline
 * (what a node serves at {@code GET /v1/diagnostics/cluster}).
 *
 * <p>{@link #collect()} never throws because of a peer and returns within its deadline whatever the
 * peers do. Each peer is {@code GET <url>/v1/diagnostics/node}, read STRICT as {@link
 * NodeDiagnostics}; a peer that fails becomes {@code ok: false} with {@code error: "<Kind>:
 * <detail>"}: {@code ConnectError} (refused, unreachable, or a host name that does not resolve,
 * said as such), {@code ConnectTimeout}, {@code ReadTimeout} (no answer, or a body not complete, by
 * the peer's or the overall deadline), {@code HTTPStatusError} (any non-2xx, redirects included:
 * they are not followed), {@code ValidationError: <path>: <reason>}, {@code ResponseTooLarge} (over
 * the per-peer cap, or over what is left of the view's total budget). The local node comes first
 * ({@code url} null), then the peers in the directory's order.
 *
 * <p>Limits, all configurable on the {@link Builder}: every peer's request is started at once
 * through the JDK client's asynchronous API, no thread per peer, so a hung peer never delays a
 * healthy one; at most {@value #DEFAULT_MAX_CONCURRENCY} requests are in flight per client (the
 * rest start as those finish). Each body is capped ({@value #DEFAULT_MAX_RESPONSE_BYTES} bytes, 32
 * MiB) and all the bodies of one {@link #collect()} together are held to a total budget ({@value
 * #DEFAULT_MAX_TOTAL_RESPONSE_BYTES} bytes, 128 MiB): a peer whose body does not fit in what is left
 * is an {@code ok: false} {@code ResponseTooLarge} entry and the others are kept. Concurrent calls
 * each have their own budget.
 *
 * <p>Java callers also get each peer's last good bundle ({@link #lastGood}) and an estimate of its
 * clock offset ({@link #clockOffset}), for the 256 most recently seen peers.
 *
 * <p>Thread-safe; {@link #collect()} may run concurrently from many threads. Cost per call: one
 * local bundle, one request per peer, the bodies (within the budget) and their parsing on a small
 * pool; every deadline is read from the configured {@link Ticker}. Threads are daemons that end
 * when idle; {@link #close()} stops them.
 */
public final class ClusterDiagnosticsClient implements AutoCloseable {

  /** The request header carrying how many milliseconds are left on the caller's budget. */
  public static final String DEADLINE_HEADER = "X-Skulk-Diag-Deadline";

  /** Where a node serves its bundle. */
  public static final String NODE_PATH = "/v1/diagnostics/node";

  /** Where a node serves captures. */
  public static final String CAPTURE_PATH = "/v1/diagnostics/node/capture";

  /** The default limit of peer requests in flight at once, per client. */
  public static final int DEFAULT_MAX_CONCURRENCY = 256;

  /** The default cap of one peer's body, in bytes (32 MiB). */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 32L * 1024 * 1024;

  /** The default total of all peers' bodies one cluster view may hold, in bytes (128 MiB). */
  public static final long DEFAULT_MAX_TOTAL_RESPONSE_BYTES = 128L * 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(ClusterDiagnosticsClient.class);
  private static final int REMEMBERED_PEERS = 256;

  private final String localNodeId;
  private final Supplier<NodeDiagnostics> localNode;
  private final Supplier<@Nullable String> masterNodeId;
  private final PeerDirectory directory;
  private final HttpClient http;
  private final boolean ownsHttp;
  private final Duration perPeerTimeout;
  private final Duration overallDeadline;
  private final Duration captureTimeout;
  private final long maxResponseBytes;
  private final long maxTotalResponseBytes;
  private final Clock clock;
  private final Ticker ticker;
  private final InFlightLimit inFlight;
  private final ThreadPoolExecutor parsePool;
  private final ThreadPoolExecutor localPool;
  private final ScheduledThreadPoolExecutor timer;
  private final PeerHttp peerHttp;
  private final WarnOnceLog warnOnce = new WarnOnceLog(LOG);
  private final Map<String, PeerSnapshot> lastGood = lru();
  private final Map<String, PeerClockOffset> offsets = lru();
  private final AtomicBoolean closed = new AtomicBoolean();

  private ClusterDiagnosticsClient(Builder b) {
    this.localNodeId = Objects.requireNonNull(b.localNodeId, "localNodeId (or stateView) is required");
    this.localNode = Objects.requireNonNull(b.localNode, "localNode is required");
    Supplier<@Nullable String> master = b.masterNodeId;
    this.masterNodeId = master != null ? master : () -> null;
    this.directory = b.directory;
    this.ownsHttp = b.http == null;
    this.http =
        b.http != null
            ? b.http
            : HttpClient.newBuilder()
                .connectTimeout(b.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    this.perPeerTimeout = b.perPeerTimeout;
    this.overallDeadline = b.overallDeadline;
    this.captureTimeout = b.captureTimeout;
    this.maxResponseBytes = b.maxResponseBytes;
    this.maxTotalResponseBytes = b.maxTotalResponseBytes;
    this.clock = b.clock;
    this.ticker = b.ticker;
    // Parsing is CPU work on complete bodies only (a hung peer never holds one of these threads).
    int parsers = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
    this.parsePool =
        new ThreadPoolExecutor(parsers, parsers, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), DaemonThreads.named("skulk-diag-fanout"));
    this.parsePool.allowCoreThreadTimeOut(true);
    this.inFlight = new InFlightLimit(b.maxConcurrency, parsePool);
    this.localPool =
        new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), DaemonThreads.named("skulk-diag-local"));
    this.timer = new ScheduledThreadPoolExecutor(1, DaemonThreads.named("skulk-diag-deadline"));
    this.timer.setRemoveOnCancelPolicy(true);
    this.timer.setKeepAliveTime(30, TimeUnit.SECONDS);
    this.timer.allowCoreThreadTimeOut(true);
    Duration connect = http.connectTimeout().orElse(b.connectTimeout);
    this.peerHttp = new PeerHttp(http, timer, connect, ticker);
  }

  /** A builder; {@code localNodeId} and {@code localNode} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** This node's id, the {@code localNodeId} of every bundle. */
  public String localNodeId() {
    return localNodeId;
  }

  /** The configured overall deadline of {@link #collect()}. */
  public Duration overallDeadline() {
    return overallDeadline;
  }

  /** The cluster bundle, within the configured overall deadline. */
  public ClusterDiagnostics collect() {
    return collect(overallDeadline);
  }

  /**
   * The cluster bundle, within {@code deadline}: peers still pending then are {@code ReadTimeout}
   * entries, a local supplier that is still running makes the local entry {@code ok: false} too.
   *
   * @throws IllegalStateException after {@link #close()}
   */
  public ClusterDiagnostics collect(Duration deadline) {
    return collect(deadline, (answered, total) -> {});
  }

  /**
   * Like {@link #collect(Duration)}, reporting progress as peers answer: {@code progress} is called
   * with (peers answered so far, peers asked) once before any answer and after each one, from the
   * fan-out's threads. A progress callback that throws is ignored.
   */
  public ClusterDiagnostics collect(Duration deadline, FanOutProgress progress) {
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(progress, "progress");
    ensureOpen();
    long deadlineNanos = ticker.read() + Math.max(0, deadline.toNanos());
    Map<String, URI> peers = peersOrEmpty();
    Future<NodeDiagnostics> local = submitLocal();
    ByteBudget budget = new ByteBudget(maxTotalResponseBytes);
    Map<String, CompletableFuture<ClusterNodeDiagnostics>> pending = new LinkedHashMap<>();
    int total = (int) peers.keySet().stream().filter(id -> !id.equals(localNodeId)).count();
    AtomicInteger answered = new AtomicInteger();
    report(progress, 0, total);
    for (Map.Entry<String, URI> peer : peers.entrySet()) {
      String nodeId = peer.getKey();
      URI url = peer.getValue();
      if (nodeId.equals(localNodeId) || pending.containsKey(nodeId)) {
        continue;
      }
      CompletableFuture<ClusterNodeDiagnostics> entry =
          inFlight.submit(() -> fetchAsync(nodeId, url, deadlineNanos, budget));
      entry.whenComplete((node, error) -> report(progress, answered.incrementAndGet(), total));
      pending.put(nodeId, entry);
    }
    List<ClusterNodeDiagnostics> nodes = new ArrayList<>(pending.size() + 1);
    nodes.add(awaitLocal(local, deadlineNanos, deadline));
    for (Map.Entry<String, CompletableFuture<ClusterNodeDiagnostics>> entry : pending.entrySet()) {
      String nodeId = entry.getKey();
      nodes.add(awaitPeer(nodeId, Objects.requireNonNull(peers.get(nodeId), "every pending peer is listed"),
          entry.getValue(), deadlineNanos, deadline));
    }
    String master = masterOrNull();
    // As upstream's get_cluster_diagnostics: master_node_id=str(self._master_node_id), which starts as
    // the node itself until an election says otherwise.
    return new ClusterDiagnostics(Timestamps.format(clock.instant()), localNodeId,
        master != null ? master : localNodeId, nodes);
  }

  /**
   * One node's entry, fetched live: the local node from the supplier, a peer over HTTP within
   * {@code deadline}; null when {@code nodeId} is neither this node nor in the directory.
   */
  public @Nullable ClusterNodeDiagnostics fetchNode(String nodeId, Duration deadline) {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(deadline, "deadline");
    ensureOpen();
    long deadlineNanos = ticker.read() + Math.max(0, deadline.toNanos());
    if (nodeId.equals(localNodeId)) {
      return awaitLocal(submitLocal(), deadlineNanos, deadline);
    }
    URI url = peerUrl(nodeId);
    if (url == null) {
      return null;
    }
    CompletableFuture<ClusterNodeDiagnostics> entry =
        inFlight.submit(() -> fetchAsync(nodeId, url, deadlineNanos, new ByteBudget(maxTotalResponseBytes)));
    return awaitPeer(nodeId, url, entry, deadlineNanos, deadline);
  }

  /** The base URL of peer {@code nodeId} in the directory now, or null. */
  public @Nullable URI peerUrl(String nodeId) {
    return nodeId.equals(localNodeId) ? null : peersOrEmpty().get(nodeId);
  }

  /**
   * Runs a capture on peer {@code nodeId} ({@code POST <url>/v1/diagnostics/node/capture}) and
   * reads the answer STRICT, within the configured capture timeout (default 45 s: a macOS capture
   * samples for up to half a minute).
   *
   * @throws IllegalArgumentException when {@code nodeId} is not a peer in the directory
   * @throws PeerRequestException when the peer cannot be reached, answers non-2xx or an invalid body
   */
  public DiagnosticCaptureResponse capturePeer(String nodeId, DiagnosticCaptureRequest request)
      throws PeerRequestException {
    return capturePeer(nodeId, request, captureTimeout);
  }

  /**
   * Like {@link #capturePeer(String, DiagnosticCaptureRequest)}, within {@code deadline} (or the
   * configured capture timeout when that is shorter): a peer that has not answered completely by
   * then is a {@code ReadTimeout}. The peer is told what is left in {@value #DEADLINE_HEADER}.
   *
   * @throws IllegalArgumentException when {@code nodeId} is not a peer in the directory
   * @throws PeerRequestException when the peer cannot be reached, answers non-2xx or an invalid
   *     body, or does not answer within the deadline
   */
  public DiagnosticCaptureResponse capturePeer(String nodeId, DiagnosticCaptureRequest request, Duration deadline)
      throws PeerRequestException {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(deadline, "deadline");
    ensureOpen();
    URI url = peerUrl(nodeId);
    if (url == null) {
      throw new IllegalArgumentException("Unknown peer node '" + nodeId + "'");
    }
    Duration timeout = deadline.compareTo(captureTimeout) < 0 ? deadline : captureTimeout;
    if (timeout.isNegative() || timeout.isZero()) {
      throw new PeerRequestException(nodeId,
          "ReadTimeout: the deadline passed before the request to '" + url + CAPTURE_PATH + "' started", -1, null);
    }
    long deadlineNanos = ticker.read() + timeout.toNanos();
    HttpRequest httpRequest =
        HttpRequest.newBuilder(URI.create(url + CAPTURE_PATH))
            .timeout(timeout)
            .version(HttpClient.Version.HTTP_1_1)
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .header(DEADLINE_HEADER, Long.toString(Math.max(1, timeout.toMillis())))
            .POST(HttpRequest.BodyPublishers.ofByteArray(DiagnosticsJson.strict().writeBytes(request)))
            .build();
    try {
      byte[] body = peerHttp.exchange(httpRequest, deadlineNanos, maxResponseBytes).body();
      return DiagnosticsJson.strict().read(body, DiagnosticCaptureResponse.class);
    } catch (PeerHttp.Failure f) {
      throw new PeerRequestException(nodeId, Objects.requireNonNullElse(f.getMessage(), "peer request failed"), f.status(),
          f.peerDetail());
    } catch (DiagnosticsFormatException e) {
      throw new PeerRequestException(nodeId, "ValidationError: " + e.path() + ": " + e.reason(), -1, null);
    }
  }

  /** Peer {@code nodeId}'s last good bundle and when it was fetched, or null when never fetched. */
  public @Nullable PeerSnapshot lastGood(String nodeId) {
    synchronized (lastGood) {
      return lastGood.get(nodeId);
    }
  }

  /** The clock-offset estimate of peer {@code nodeId} from its last good answer, or null. */
  public @Nullable PeerClockOffset clockOffset(String nodeId) {
    synchronized (offsets) {
      return offsets.get(nodeId);
    }
  }

  /**
   * Stops the client's threads; requests in flight are abandoned. The {@link HttpClient} is closed
   * only when the client built it (on JDK 21 and later; before that it ends when unreferenced).
   * Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    parsePool.shutdownNow();
    localPool.shutdownNow();
    timer.shutdownNow();
    if (ownsHttp) {
      try {
        // HttpClient.shutdownNow() exists from JDK 21; this library targets 17.
        HttpClient.class.getMethod("shutdownNow").invoke(http);
      } catch (ReflectiveOperationException | RuntimeException e) {
        LOG.debug("HttpClient.shutdownNow is not available; the client ends when unreferenced");
      }
    }
  }

  private static void report(FanOutProgress progress, int answered, int total) {
    try {
      progress.update(answered, total);
    } catch (RuntimeException e) {
      LOG.debug("A fan-out progress callback failed", e);
    }
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException("ClusterDiagnosticsClient is closed");
    }
  }

  private Map<String, URI> peersOrEmpty() {
    try {
      Map<String, URI> peers = directory.peers();
      warnOnce.cleared("directory");
      return peers == null ? Map.of() : peers;
    } catch (RuntimeException | LinkageError | AssertionError e) {
      warnOnce.warn("directory", "Peer directory " + directory + " failed (" + e
          + "); the cluster view holds the local node only", e);
      return Map.of();
    }
  }

  private @Nullable String masterOrNull() {
    try {
      return masterNodeId.get();
    } catch (RuntimeException | LinkageError | AssertionError e) {
      warnOnce.warn("master", "The master node id supplier failed (" + e + ")", e);
      return null;
    }
  }

  private Future<NodeDiagnostics> submitLocal() {
    try {
      return localPool.submit(localNode::get);
    } catch (RejectedExecutionException e) {
      CompletableFuture<NodeDiagnostics> f = new CompletableFuture<>();
      f.completeExceptionally(new IllegalStateException("ClusterDiagnosticsClient is closed"));
      return f;
    }
  }

  private long nanosLeft(long deadlineNanos) {
    return Math.max(0, deadlineNanos - ticker.read());
  }

  private ClusterNodeDiagnostics awaitLocal(Future<NodeDiagnostics> local, long deadlineNanos, Duration deadline) {
    try {
      NodeDiagnostics bundle = local.get(nanosLeft(deadlineNanos), TimeUnit.NANOSECONDS);
      if (bundle == null) {
        return failed(localNodeId, null, "ValueError: the local node supplier returned null");
      }
      warnOnce.cleared("local");
      return new ClusterNodeDiagnostics(localNodeId, null, true, bundle, null);
    } catch (TimeoutException e) {
      local.cancel(true);
      return failed(localNodeId, null, "ReadTimeout: the local node's diagnostics were not ready within "
          + PythonFloats.pythonRepr(deadline.toNanos() / 1e9) + "s");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof VirtualMachineError) {
        throw (VirtualMachineError) cause;
      }
      warnOnce.warn("local", "The local node's diagnostics failed (" + cause + ")", cause);
      return failed(localNodeId, null, cause.getClass().getSimpleName() + ": " + cause.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      local.cancel(true);
      return failed(localNodeId, null, "ReadTimeout: interrupted while waiting for the local node's diagnostics");
    } catch (CancellationException e) {
      return failed(localNodeId, null, "ReadTimeout: the local node's diagnostics were cancelled");
    }
  }

  private ClusterNodeDiagnostics awaitPeer(
      String nodeId, URI url, CompletableFuture<ClusterNodeDiagnostics> future, long deadlineNanos, Duration deadline) {
    try {
      return future.get(nanosLeft(deadlineNanos), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      return failed(nodeId, url, "ReadTimeout: no complete answer from '" + url + NODE_PATH
          + "' within the overall deadline of " + PythonFloats.pythonRepr(deadline.toNanos() / 1e9) + "s");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      warnOnce.warn("unexpected:" + cause.getClass().getName(),
          "Fetching the diagnostics of peer " + nodeId + " failed unexpectedly (" + cause + ")", cause);
      return failed(nodeId, url, cause.getClass().getSimpleName() + ": " + cause.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      return failed(nodeId, url, "ReadTimeout: interrupted while waiting for '" + url + NODE_PATH + "'");
    } catch (CancellationException e) {
      return failed(nodeId, url, "ReadTimeout: the request to '" + url + NODE_PATH + "' was cancelled");
    }
  }

  /**
   * Starts fetching one peer; the future never completes exceptionally (every failure is an {@code
   * ok: false} entry), and cancelling it aborts the request.
   */
  private CompletableFuture<ClusterNodeDiagnostics> fetchAsync(
      String nodeId, URI url, long deadlineNanos, ByteBudget budget) {
    long budgetNanos = Math.min(perPeerTimeout.toNanos(), deadlineNanos - ticker.read());
    if (budgetNanos <= 0) {
      return CompletableFuture.completedFuture(failed(nodeId, url,
          "ReadTimeout: the deadline passed before the request to '" + url + NODE_PATH + "' started"));
    }
    Duration timeout = Duration.ofNanos(budgetNanos);
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(URI.create(url + NODE_PATH))
              .timeout(timeout)
              .version(HttpClient.Version.HTTP_1_1)
              .header("Accept", "application/json")
              .header(DEADLINE_HEADER, Long.toString(Math.max(1, timeout.toMillis())))
              .GET()
              .build();
    } catch (IllegalArgumentException e) {
      return CompletableFuture.completedFuture(failed(nodeId, url, "InvalidURL: " + url + ": " + e.getMessage()));
    }
    Instant sent = clock.instant();
    CompletableFuture<PeerHttp.Answer> exchange = peerHttp.send(request, ticker.read() + budgetNanos, maxResponseBytes, budget);
    CompletableFuture<ClusterNodeDiagnostics> entry = exchange.handleAsync((answer, error) -> {
      if (error != null) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String message = cause instanceof PeerHttp.Failure ? Objects.requireNonNullElse(cause.getMessage(), "peer request failed")
            : "ReadError: " + cause.getClass().getSimpleName() + ": " + cause.getMessage();
        // The failure is the entry's error, reported to the caller; no log line above DEBUG.
        LOG.debug("Peer {} failed: {}", nodeId, message);
        return failed(nodeId, url, message);
      }
      return parse(nodeId, url, answer.body(), sent, budget);
    }, parsePool);
    // Giving up on the entry (the overall deadline) aborts the exchange and frees its bytes.
    entry.whenComplete((node, error) -> {
      if (entry.isCancelled()) {
        exchange.cancel(true);
      }
    });
    return entry;
  }

  private ClusterNodeDiagnostics parse(String nodeId, URI url, byte[] body, Instant sent, ByteBudget budget) {
    try {
      NodeDiagnostics bundle = DiagnosticsJson.strict().read(body, NodeDiagnostics.class);
      Instant received = clock.instant();
      remember(nodeId, url, bundle, sent, received);
      return new ClusterNodeDiagnostics(nodeId, url.toString(), true, bundle, null);
    } catch (DiagnosticsFormatException e) {
      budget.release(body.length);
      LOG.debug("Peer {} served an invalid bundle", nodeId, e);
      return failed(nodeId, url, "ValidationError: " + e.path() + ": " + e.reason());
    } catch (RuntimeException e) {
      budget.release(body.length);
      warnOnce.warn("unexpected:" + e.getClass().getName(),
          "Reading the diagnostics of peer " + nodeId + " failed unexpectedly (" + e + ")", e);
      return failed(nodeId, url, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private void remember(String nodeId, URI url, NodeDiagnostics bundle, Instant sent, Instant received) {
    synchronized (lastGood) {
      lastGood.put(nodeId, new PeerSnapshot(nodeId, url, bundle, received));
    }
    Instant peerTime = Timestamps.tryParse(bundle.generatedAt());
    if (peerTime != null) {
      PeerClockOffset offset = PeerClockOffset.estimate(nodeId, peerTime, sent, received);
      synchronized (offsets) {
        offsets.put(nodeId, offset);
      }
    }
  }

  private static ClusterNodeDiagnostics failed(String nodeId, @Nullable URI url, String error) {
    return new ClusterNodeDiagnostics(nodeId, url == null ? null : url.toString(), false, null, error);
  }

  private static <V> Map<String, V> lru() {
    return new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > REMEMBERED_PEERS;
      }
    };
  }

  /**
   * Builds a {@link ClusterDiagnosticsClient}. Not thread-safe; the client it builds is.
   *
   * <p>Defaults: no peers, no master, an {@link HttpClient} with a 2 s connect timeout that follows
   * no redirects, 256 peer requests in flight at once, 10 s per peer (the whole body included), 12
   * s overall, 32 MiB per response and 128 MiB for all the responses of one cluster view, 45 s per
   * proxied capture, the UTC system clock and the system ticker.
   */
  public static final class Builder {
    private @Nullable String localNodeId;
    private @Nullable Supplier<NodeDiagnostics> localNode;
    private @Nullable Supplier<@Nullable String> masterNodeId;
    private PeerDirectory directory = StaticPeerDirectory.empty();
    private @Nullable HttpClient http;
    private Duration connectTimeout = Duration.ofSeconds(2);
    private int maxConcurrency = DEFAULT_MAX_CONCURRENCY;
    private Duration perPeerTimeout = Duration.ofSeconds(10);
    private Duration overallDeadline = Duration.ofSeconds(12);
    private Duration captureTimeout = Duration.ofSeconds(45);
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private long maxTotalResponseBytes = DEFAULT_MAX_TOTAL_RESPONSE_BYTES;
    private Clock clock = Clock.systemUTC();
    private Ticker ticker = Ticker.system();

    private Builder() {}

    /** This node's id. */
    public Builder localNodeId(String localNodeId) {
      this.localNodeId = Objects.requireNonNull(localNodeId, "localNodeId");
      return this;
    }

    /** This node's bundle, for example {@code assembler::assembleNode}; called once per collect. */
    public Builder localNode(Supplier<NodeDiagnostics> localNode) {
      this.localNode = Objects.requireNonNull(localNode, "localNode");
      return this;
    }

    /** The current master node id; when it gives null (no election yet) the view names this node, as Python Skulk does. */
    public Builder masterNodeId(Supplier<@Nullable String> masterNodeId) {
      this.masterNodeId = Objects.requireNonNull(masterNodeId, "masterNodeId");
      return this;
    }

    /** Takes the master from {@code state}, and the local node id unless one was set. */
    public Builder stateView(ClusterStateView state) {
      Objects.requireNonNull(state, "state");
      if (localNodeId == null) {
        localNodeId = state.nodeId();
      }
      this.masterNodeId = state::masterNodeId;
      return this;
    }

    /** Where the peers are. */
    public Builder peerDirectory(PeerDirectory directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * The HTTP client to use (the host's, with its TLS setup). It should not follow redirects: a
     * redirect is then reported as an {@code HTTPStatusError}. The client does not close it.
     */
    public Builder httpClient(HttpClient http) {
      this.http = Objects.requireNonNull(http, "http");
      return this;
    }

    /** The connect timeout of the default HTTP client (ignored with {@link #httpClient}). */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      return this;
    }

    /**
     * The most peer requests in flight at once for this client (default {@value
     * #DEFAULT_MAX_CONCURRENCY}); further peers start as earlier ones finish. Requests hold no
     * thread while they wait, so this bounds sockets, not threads.
     */
    public Builder maxConcurrency(int maxConcurrency) {
      if (maxConcurrency < 1) {
        throw new IllegalArgumentException("maxConcurrency must be at least 1, was " + maxConcurrency);
      }
      this.maxConcurrency = maxConcurrency;
      return this;
    }

    /** The most one peer's request may take, headers and whole body included. */
    public Builder perPeerTimeout(Duration perPeerTimeout) {
      this.perPeerTimeout = positive(perPeerTimeout, "perPeerTimeout");
      return this;
    }

    /** The most {@link ClusterDiagnosticsClient#collect()} takes. */
    public Builder overallDeadline(Duration overallDeadline) {
      this.overallDeadline = positive(overallDeadline, "overallDeadline");
      return this;
    }

    /** The most a proxied capture may take. */
    public Builder captureTimeout(Duration captureTimeout) {
      this.captureTimeout = positive(captureTimeout, "captureTimeout");
      return this;
    }

    /** The largest response body accepted from a peer (default 32 MiB). */
    public Builder maxResponseBytes(long maxResponseBytes) {
      if (maxResponseBytes < 1 || maxResponseBytes > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException(
            "maxResponseBytes must be within 1.." + (Integer.MAX_VALUE - 8) + ", was " + maxResponseBytes);
      }
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /**
     * The most bytes all the peers' bodies of one cluster view may hold together (default 128
     * MiB), so that many peers each under the per-peer cap cannot exhaust the heap: a peer whose
     * body does not fit in what is left becomes an {@code ok: false} {@code ResponseTooLarge}
     * entry, and its bytes are not kept.
     */
    public Builder maxTotalResponseBytes(long maxTotalResponseBytes) {
      if (maxTotalResponseBytes < 1) {
        throw new IllegalArgumentException("maxTotalResponseBytes must be positive, was " + maxTotalResponseBytes);
      }
      this.maxTotalResponseBytes = maxTotalResponseBytes;
      return this;
    }

    /** The monotonic time of every deadline and timeout (tests pass a fake one). */
    public Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /** The clock of {@code generatedAt}, fetch times and clock offsets. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The client.
     *
     * @throws NullPointerException when the local node id or supplier is missing
     */
    public ClusterDiagnosticsClient build() {
      return new ClusterDiagnosticsClient(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
      return d;
    }
  }
}
