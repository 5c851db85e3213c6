package dev.skulk.diagnostics.server;

import dev.skulk.diagnostics.cluster.CaptureService;
import dev.skulk.diagnostics.cluster.ClusterDiagnosticsClient;
import dev.skulk.diagnostics.cluster.internal.HttpStatusPhrases;
import dev.skulk.diagnostics.cluster.internal.PlainJson;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.support.DaemonThreads;
import dev.skulk.diagnostics.support.WarnOnceLog;
import dev.skulk.diagnostics.time.Ticker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The diagnostics endpoint on its own small HTTP/1.1 server, bound to {@code 127.0.0.1} unless told
 * otherwise: the routes of a {@link DiagnosticsRouter}, built to keep answering under slow or
 * hostile clients.
 *
 * <pre>{@code
 * try (DiagnosticsServer server = DiagnosticsServer.builder()
 *     .nodeId(nodeId).localNode(assembler::assembleNode).clusterClient(fanOut).port(0).build().start()) {
 *   int port = server.port();
 * }
 * }</pre>
 *
 * <p><b>How it stays up.</b> One selector thread reads every connection without blocking and hands a
 * request to a worker only once it has arrived whole, so a connection that sends one byte and
 * stalls costs a few hundred bytes of memory and no thread. Each connection must deliver its request
 * line and headers (at most {@link Builder#maxHeaderBytes 16 KiB}) and body (at most {@link
 * DiagnosticsRouter#MAX_REQUEST_BYTES 1 MiB}, 32 MiB across all connections) within the {@link
 * Builder#requestReadTimeout read deadline} (10 s by default, measured on the {@link Builder#ticker
 * ticker}), or it is answered {@code 408} and closed. At most {@link Builder#maxConnections 1024}
 * connections are read at once; past that the oldest still being read is dropped, so new clients are
 * always heard. Complete requests run in two lanes ({@link DiagnosticsRouter.Lane}): {@code
 * /node_id}, {@code /v1/diagnostics/node} and unknown paths on one pool, the cluster and capture
 * routes (which wait on peers) on another, each of {@link Builder#workerThreads 4} threads with a
 * bounded queue ({@code 503} when full), so hung peers never delay {@code /node_id}. A client that
 * stops reading its response is dropped after the {@link Builder#responseWriteTimeout write
 * timeout}. Every response ends with {@code Connection: close}. Malformed request lines, headers and
 * paths ({@code %zz}) and oversized heads get Skulk's JSON error envelope.
 *
 * <p>Thread-safe. {@link #close()} stops the server at once and its own pools; it does not close the
 * cluster client or a host's executor.
 */
public final class DiagnosticsServer implements AutoCloseable {

  /** The default {@link Builder#maxConnections(int)}. */
  public static final int DEFAULT_MAX_CONNECTIONS = 1024;

  /** The default {@link Builder#maxHeaderBytes(int)}: request line and headers together. */
  public static final int DEFAULT_MAX_HEADER_BYTES = 16 * 1024;

  /** The default {@link Builder#requestReadTimeout(Duration)}. */
  public static final Duration DEFAULT_REQUEST_READ_TIMEOUT = Duration.ofSeconds(10);

  /** The default {@link Builder#responseWriteTimeout(Duration)}. */
  public static final Duration DEFAULT_RESPONSE_WRITE_TIMEOUT = Duration.ofSeconds(10);

  /** The default {@link Builder#workerThreads(int)}, per lane. */
  public static final int DEFAULT_WORKER_THREADS = 4;

  /** Requests waiting for a worker, per lane, beyond which new ones are answered 503. */
  static final int QUEUED_PER_LANE = 1024;

  /** The most request-body bytes held at once, across connections being read and requests queued or running. */
  static final long MAX_BODY_BYTES_IN_FLIGHT = 32L * 1024 * 1024;

  /** How long an answered connection may keep sending (an oversized body) before it is closed. */
  static final Duration LINGER = Duration.ofSeconds(2);

  /** The longest real wait between two looks at the ticker, so a test ticker is noticed soon. */
  private static final long POLL_MILLIS = 100;

  private static final Logger LOG = LoggerFactory.getLogger(DiagnosticsServer.class);
  private static final WarnOnceLog WARN = new WarnOnceLog(LOG);

  private final InetSocketAddress requested;
  private final DiagnosticsRouter router;
  private final @Nullable Executor givenExecutor;
  private final int backlog;
  private final int maxConnections;
  private final int maxHeaderBytes;
  private final long readTimeoutNanos;
  private final long writeTimeoutNanos;
  private final int workerThreads;
  private final Ticker ticker;

  private @Nullable Running running;

  private DiagnosticsServer(Builder b) {
    this.requested = new InetSocketAddress(b.bindAddress, b.port);
    this.router = b.router != null ? b.router : b.handler.build();
    this.givenExecutor = b.executor;
    this.backlog = b.backlog;
    this.maxConnections = b.maxConnections;
    this.maxHeaderBytes = b.maxHeaderBytes;
    this.readTimeoutNanos = b.requestReadTimeout.toNanos();
    this.writeTimeoutNanos = b.responseWriteTimeout.toNanos();
    this.workerThreads = b.workerThreads;
    this.ticker = b.ticker;
  }

  /** A builder; {@code nodeId} and {@code localNode} (or a {@code router}) are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds and starts serving.
   *
   * @return this server
   * @throws UncheckedIOException when the address cannot be bound
   * @throws IllegalStateException when already started
   */
  public synchronized DiagnosticsServer start() {
    if (running != null) {
      throw new IllegalStateException("DiagnosticsServer already started");
    }
    ServerSocketChannel channel = null;
    Selector selector = null;
    try {
      channel = ServerSocketChannel.open();
      channel.bind(requested, backlog);
      channel.configureBlocking(false);
      selector = Selector.open();
      channel.register(selector, SelectionKey.OP_ACCEPT);
    } catch (IOException e) {
      closeQuietly(channel);
      closeQuietly(selector);
      throw new UncheckedIOException("Could not bind the diagnostics endpoint to " + requested + ": " + e.getMessage(), e);
    }
    Running started;
    try {
      started = new Running(channel, selector);
    } catch (IOException e) {
      closeQuietly(channel);
      closeQuietly(selector);
      throw new UncheckedIOException("Could not start the diagnostics endpoint on " + requested + ": " + e.getMessage(), e);
    }
    started.thread.start();
    running = started;
    return this;
  }

  /** The port bound (the ephemeral one when built with port 0). */
  public synchronized int port() {
    return address().getPort();
  }

  /** The address bound. */
  public synchronized InetSocketAddress address() {
    Running r = running;
    if (r == null) {
      throw new IllegalStateException("DiagnosticsServer not started");
    }
    return r.address;
  }

  /** The router it serves. */
  public DiagnosticsRouter router() {
    return router;
  }

  /** The same routes as a JDK {@code HttpHandler}, to mount them in a host's own server too. */
  public DiagnosticsHttpHandler handler() {
    return DiagnosticsHttpHandler.of(router);
  }

  /** Stops serving at once (requests in flight are cut) and stops the owned pools. Idempotent. */
  @Override
  public void close() {
    Running r;
    synchronized (this) {
      r = running;
      running = null;
    }
    if (r != null) {
      r.stop();
    }
  }

  private static void closeQuietly(@Nullable AutoCloseable closeable) {
    if (closeable != null) {
      try {
        closeable.close();
      } catch (Exception ignored) {
        // Closing on a failure path or at shutdown: nothing more to do.
      }
    }
  }

  /** A lane: where its requests run, and how many may be admitted (running plus queued). */
  private static final class Lane {
    final Executor executor;
    final Semaphore admitted;
    final @Nullable ExecutorService owned;

    Lane(Executor executor, int admitted, @Nullable ExecutorService owned) {
      this.executor = executor;
      this.admitted = new Semaphore(admitted);
      this.owned = owned;
    }
  }

  /** A connection whose request is still being read (or which is being drained after a refusal). */
  private static final class Connection {
    final SocketChannel channel;
    final SelectionKey key;
    final RequestParser parser;
    long deadline;
    boolean draining;
    boolean continued;
    long drained;
    int bodyBytesHeld;

    Connection(SocketChannel channel, SelectionKey key, RequestParser parser, long deadline) {
      this.channel = channel;
      this.key = key;
      this.parser = parser;
      this.deadline = deadline;
    }
  }

  /** One started server: its channel, selector thread and lanes. */
  private final class Running {
    final ServerSocketChannel serverChannel;
    final Selector selector;
    final InetSocketAddress address;
    final Thread thread;
    final Lane local;
    final Lane fanOut;
    /** Connections still being read, oldest first; touched by the selector thread only. */
    final Set<Connection> reading = new LinkedHashSet<>();
    final ByteBuffer readBuffer = ByteBuffer.allocate(16 * 1024);
    final AtomicLong bodyBytesInFlight = new AtomicLong();
    volatile boolean open = true;
    /** Set when accepting failed (out of file descriptors): accepting rests for one poll, not a busy loop. */
    boolean acceptPaused;

    Running(ServerSocketChannel serverChannel, Selector selector) throws IOException {
      this.serverChannel = serverChannel;
      this.selector = selector;
      this.address = (InetSocketAddress) serverChannel.getLocalAddress();
      this.local = lane("local");
      this.fanOut = lane("fanout");
      this.thread = DaemonThreads.named("skulk-diag-http-selector").newThread(this::loop);
    }

    private Lane lane(String name) {
      int admitted = workerThreads + QUEUED_PER_LANE;
      if (givenExecutor != null) {
        return new Lane(givenExecutor, admitted, null);
      }
      ThreadPoolExecutor pool = new ThreadPoolExecutor(workerThreads, workerThreads, 30, TimeUnit.SECONDS,
          new LinkedBlockingQueue<>(), DaemonThreads.named("skulk-diag-http-" + name));
      pool.allowCoreThreadTimeOut(true);
      return new Lane(pool, admitted, pool);
    }

    void stop() {
      open = false;
      selector.wakeup();
      try {
        thread.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      closeQuietly(serverChannel);
      for (Lane lane : List.of(local, fanOut)) {
        if (lane.owned != null) {
          lane.owned.shutdownNow();
        }
      }
    }

    private void loop() {
      try {
        while (open) {
          try {
            boolean resumeAccepting = acceptPaused;
            selector.select(reading.isEmpty() && !acceptPaused ? 0 : POLL_MILLIS);
            if (resumeAccepting && open) {
              acceptPaused = false;
              serverChannel.keyFor(selector).interestOps(SelectionKey.OP_ACCEPT);
            }
            if (!open) {
              break;
            }
            Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
            while (keys.hasNext()) {
              SelectionKey key = keys.next();
              keys.remove();
              if (!key.isValid()) {
                continue;
              }
              if (key.isAcceptable()) {
                accept();
              } else if (key.isReadable() && key.attachment() instanceof Connection connection) {
                read(connection);
              }
            }
            expire(ticker.read());
          } catch (IOException | RuntimeException e) {
            WARN.warn("loop:" + e.getClass().getName(),
                "Diagnostics server: unexpected " + e.getClass().getSimpleName() + " in its selector: " + e.getMessage(), e);
          }
        }
      } finally {
        for (SelectionKey key : selector.keys()) {
          closeQuietly(key.channel());
        }
        closeQuietly(serverChannel);
        closeQuietly(selector);
      }
    }

    private void accept() {
      SocketChannel channel;
      while ((channel = acceptOne()) != null) {
        if (reading.size() >= maxConnections) {
          // The oldest connection still sending its request is the likeliest to be stalled on purpose.
          Connection oldest = reading.iterator().next();
          LOG.debug("Diagnostics server: {} connections being read; dropping the oldest", reading.size());
          close(oldest);
        }
        try {
          channel.configureBlocking(false);
          channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
          SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
          Connection connection = new Connection(channel, key,
              new RequestParser(maxHeaderBytes, DiagnosticsRouter.MAX_REQUEST_BYTES), ticker.read() + readTimeoutNanos);
          key.attach(connection);
          reading.add(connection);
        } catch (IOException e) {
          closeQuietly(channel);
        }
      }
    }

    /** The next pending connection, or null; on a failure (no descriptor left) accepting rests a moment. */
    private @Nullable SocketChannel acceptOne() {
      try {
        return serverChannel.accept();
      } catch (IOException e) {
        WARN.warn("accept:" + e.getClass().getName(),
            "Diagnostics server: cannot accept connections for now: " + e.getMessage(), e);
        acceptPaused = true;
        serverChannel.keyFor(selector).interestOps(0);
        return null;
      }
    }

    private void read(Connection connection) {
      ByteBuffer buffer = readBuffer;
      buffer.clear();
      int n;
      try {
        n = connection.channel.read(buffer);
      } catch (IOException e) {
        close(connection);
        return;
      }
      if (n < 0) {
        close(connection);
        return;
      }
      buffer.flip();
      if (connection.draining) {
        connection.drained += n;
        if (connection.drained > DiagnosticsRouter.SWALLOW_BYTES) {
          close(connection);
        }
        return;
      }
      RequestParser parser = connection.parser;
      int before = parser.bodyBytes();
      boolean complete;
      try {
        complete = parser.feed(buffer);
      } catch (RequestParser.Refusal refusal) {
        refuse(connection, refusal.status, String.valueOf(refusal.getMessage()), true);
        return;
      }
      int grown = parser.bodyBytes() - before;
      connection.bodyBytesHeld += grown;
      if (bodyBytesInFlight.addAndGet(grown) > MAX_BODY_BYTES_IN_FLIGHT) {
        refuse(connection, 503, "Too many request bodies in flight; try again later.", true);
        return;
      }
      if (complete) {
        dispatch(connection);
      } else if (parser.awaitingBody() && parser.expectContinue() && !connection.continued) {
        connection.continued = true;
        writeNow(connection.channel, "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      }
    }

    private void dispatch(Connection connection) {
      RequestParser parser = connection.parser;
      Lane lane = router.lane(parser.rawPath()) == DiagnosticsRouter.Lane.FAN_OUT ? fanOut : local;
      if (!lane.admitted.tryAcquire()) {
        refuse(connection, 503, "The diagnostics server is busy; try again later.", false);
        return;
      }
      reading.remove(connection); // its body stays counted until a worker is done with it
      connection.key.interestOps(0);
      try {
        lane.executor.execute(() -> serve(connection, lane));
      } catch (RejectedExecutionException e) {
        lane.admitted.release();
        refuse(connection, 503, "The diagnostics server is busy; try again later.", false);
      }
    }

    /** Runs on a worker: the whole request is in memory. */
    private void serve(Connection connection, Lane lane) {
      RequestParser parser = connection.parser;
      ChannelResponse response = new ChannelResponse(connection.channel, ticker, writeTimeoutNanos, parser.http11());
      try {
        Map<String, String> headers = parser.headers();
        DiagnosticsRequest request = new DiagnosticsRequest(parser.method(), parser.rawPath(), parser.rawQuery(),
            name -> headers.get(name.toLowerCase(Locale.ROOT)), new ByteArrayInputStream(parser.body()));
        router.handle(request, response);
      } catch (IOException e) {
        LOG.debug("Diagnostics server: response not delivered: {}", e.toString());
      } catch (RuntimeException e) {
        WARN.warn("serve:" + e.getClass().getName(),
            "Diagnostics server: request failed outside the router: " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
      } finally {
        response.release();
        if (response.complete() && !response.aborted()) {
          try {
            connection.channel.shutdownOutput();
          } catch (IOException ignored) {
            // Closed below either way.
          }
        }
        closeQuietly(connection.channel);
        selector.wakeup(); // lets the selector deregister the channel and release its descriptor now
        releaseBody(connection);
        lane.admitted.release();
      }
    }

    private void expire(long now) {
      List<Connection> expired = new ArrayList<>();
      for (Connection connection : reading) {
        if (now - connection.deadline >= 0) {
          expired.add(connection);
        }
      }
      for (Connection connection : expired) {
        if (connection.draining || !connection.parser.started()) {
          close(connection);
        } else {
          refuse(connection, 408, "Request not received within " + readTimeoutNanos / 1_000_000 + " ms.", false);
        }
      }
    }

    /** Answers with an envelope and closes, or drains what the client still sends for a moment. */
    private void refuse(Connection connection, int status, String message, boolean drain) {
      byte[] body = PlainJson.errorEnvelope(status, message);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length + 160);
      String head = "HTTP/1.1 " + status + " " + HttpStatusPhrases.phrase(status) + "\r\n"
          + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
      bytes.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
      bytes.writeBytes(body);
      boolean sent = writeNow(connection.channel, bytes.toByteArray());
      releaseBody(connection);
      if (!drain || !sent) {
        close(connection);
        return;
      }
      try {
        connection.channel.shutdownOutput();
      } catch (IOException e) {
        close(connection);
        return;
      }
      // Keep reading (and dropping) briefly, so a client still sending its body sees the answer, not a reset.
      connection.draining = true;
      connection.deadline = ticker.read() + Math.min(LINGER.toNanos(), readTimeoutNanos);
      reading.remove(connection);
      reading.add(connection);
      connection.key.interestOps(SelectionKey.OP_READ);
    }

    /** Writes a few bytes without waiting; false when the socket would not take them all. */
    private boolean writeNow(SocketChannel channel, byte[] bytes) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      try {
        while (buffer.hasRemaining()) {
          if (channel.write(buffer) == 0) {
            return false;
          }
        }
        return true;
      } catch (IOException e) {
        return false;
      }
    }

    private void releaseBody(Connection connection) {
      bodyBytesInFlight.addAndGet(-connection.bodyBytesHeld);
      connection.bodyBytesHeld = 0;
    }

    private void forget(Connection connection) {
      releaseBody(connection);
      reading.remove(connection);
    }

    private void close(Connection connection) {
      forget(connection);
      connection.key.cancel();
      closeQuietly(connection.channel);
    }
  }

  /**
   * Builds a {@link DiagnosticsServer}. Not thread-safe.
   *
   * <p>Defaults: {@code 127.0.0.1}, an ephemeral port, no cluster client (cluster routes answer
   * 503), no capture service (capture routes answer 503), 4 owned daemon threads per lane, the
   * limits in {@link DiagnosticsServer}'s description, the system ticker.
   */
  public static final class Builder {
    private InetAddress bindAddress = ipv4Loopback();
    private int port;
    private final DiagnosticsRouter.Builder handler = DiagnosticsRouter.builder();
    private boolean handlerConfigured;
    private @Nullable DiagnosticsRouter router;
    private @Nullable Executor executor;
    private int backlog;
    private int maxConnections = DEFAULT_MAX_CONNECTIONS;
    private int maxHeaderBytes = DEFAULT_MAX_HEADER_BYTES;
    private Duration requestReadTimeout = DEFAULT_REQUEST_READ_TIMEOUT;
    private Duration responseWriteTimeout = DEFAULT_RESPONSE_WRITE_TIMEOUT;
    private int workerThreads = DEFAULT_WORKER_THREADS;
    private Ticker ticker = Ticker.system();

    private Builder() {}

    /** Where to listen; {@code 127.0.0.1} by default. Anything else exposes node details. */
    public Builder bindAddress(InetAddress bindAddress) {
      this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
      return this;
    }

    /** The port; 0 picks an ephemeral one (see {@link DiagnosticsServer#port()}). */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be within 0..65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /** This node's id; see {@link DiagnosticsRouter.Builder#nodeId(String)}. */
    public Builder nodeId(String nodeId) {
      handler.nodeId(nodeId);
      handlerConfigured = true;
      return this;
    }

    /** This node's bundle, for example {@code assembler::assembleNode}. */
    public Builder localNode(Supplier<NodeDiagnostics> localNode) {
      handler.localNode(localNode);
      handlerConfigured = true;
      return this;
    }

    /** The cluster fan-out (the host keeps owning it). */
    public Builder clusterClient(ClusterDiagnosticsClient cluster) {
      handler.clusterClient(cluster);
      handlerConfigured = true;
      return this;
    }

    /** The capture service. */
    public Builder captureService(CaptureService captures) {
      handler.captureService(captures);
      handlerConfigured = true;
      return this;
    }

    /** Serves {@code router}, instead of one built from this builder's node id, bundle and services. */
    public Builder router(DiagnosticsRouter router) {
      this.router = Objects.requireNonNull(router, "router");
      return this;
    }

    /**
     * Runs requests of both lanes on {@code executor} (the host's; never shut down by the server)
     * instead of the server's own pools. Each lane still admits at most {@code workerThreads} plus a
     * bounded queue at once; an executor with fewer threads than both lanes together lets slow
     * cluster requests delay {@code /node_id}.
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** The listen backlog; 0 for the system default. */
    public Builder backlog(int backlog) {
      this.backlog = Math.max(0, backlog);
      return this;
    }

    /** The most connections read at once (1024 by default); past it the oldest still being read is dropped. */
    public Builder maxConnections(int maxConnections) {
      if (maxConnections < 1) {
        throw new IllegalArgumentException("maxConnections must be positive, was " + maxConnections);
      }
      this.maxConnections = maxConnections;
      return this;
    }

    /** The most bytes of request line and headers together (16 KiB by default); more is answered 431. */
    public Builder maxHeaderBytes(int maxHeaderBytes) {
      if (maxHeaderBytes < 256) {
        throw new IllegalArgumentException("maxHeaderBytes must be at least 256, was " + maxHeaderBytes);
      }
      this.maxHeaderBytes = maxHeaderBytes;
      return this;
    }

    /**
     * How long a connection has, from its accept, to deliver its whole request (10 s by default);
     * then it is answered 408 and closed.
     */
    public Builder requestReadTimeout(Duration timeout) {
      this.requestReadTimeout = positive(timeout, "requestReadTimeout");
      return this;
    }

    /** How long a response may go without a byte accepted by the client (10 s by default). */
    public Builder responseWriteTimeout(Duration timeout) {
      this.responseWriteTimeout = positive(timeout, "responseWriteTimeout");
      return this;
    }

    /** Worker threads per lane (4 by default): local requests and cluster/capture requests each get as many. */
    public Builder workerThreads(int threads) {
      if (threads < 1 || threads > 256) {
        throw new IllegalArgumentException("workerThreads must be within 1..256, was " + threads);
      }
      this.workerThreads = threads;
      return this;
    }

    /** Where the read and write deadlines read time; the system ticker by default (a test's to drive them). */
    public Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /**
     * The server, not yet started.
     *
     * @throws IllegalStateException when both a router and the parts of one were given
     */
    public DiagnosticsServer build() {
      if (router != null && handlerConfigured) {
        throw new IllegalStateException("give either a router or its node id, bundle and services, not both");
      }
      return new DiagnosticsServer(this);
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + value);
      }
      return value;
    }

    private static InetAddress ipv4Loopback() {
      try {
        return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
      } catch (UnknownHostException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
