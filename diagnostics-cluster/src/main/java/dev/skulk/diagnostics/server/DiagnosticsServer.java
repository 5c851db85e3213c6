package dev.skulk.diagnostics.server;

import com.sun.net.httpserver.HttpServer;
import dev.skulk.diagnostics.cluster.CaptureService;
import dev.skulk.diagnostics.cluster.ClusterDiagnosticsClient;
import dev.skulk.diagnostics.support.DaemonThreads;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The diagnostics endpoint on its own JDK {@link HttpServer} (module {@code jdk.httpserver}),
 * bound to {@code 127.0.0.1} unless told otherwise: the routes of {@link DiagnosticsHttpHandler}.
 *
 * <pre>{@code
 * try (DiagnosticsServer server = DiagnosticsServer.builder()
 *     .nodeId(nodeId).localNode(assembler::assembleNode).clusterClient(fanOut).port(0).build().start()) {
 *   int port = server.port();
 * }
 * }</pre>
 *
 * <p>Thread-safe. Requests run on the given executor, by default 4 daemon threads the server owns.
 * {@link #close()} stops the server at once and that executor; it does not close the cluster client.
 */
public final class DiagnosticsServer implements AutoCloseable {

  private final InetSocketAddress requested;
  private final DiagnosticsHttpHandler handler;
  private final @Nullable Executor givenExecutor;
  private final int backlog;
  private @Nullable HttpServer server;
  private @Nullable ExecutorService ownedExecutor;

  private DiagnosticsServer(Builder b) {
    this.requested = new InetSocketAddress(b.bindAddress, b.port);
    this.handler = b.handler.build();
    this.givenExecutor = b.executor;
    this.backlog = b.backlog;
  }

  /** A builder; {@code nodeId} and {@code localNode} are required. */
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
    if (server != null) {
      throw new IllegalStateException("DiagnosticsServer already started");
    }
    HttpServer created;
    try {
      created = HttpServer.create(requested, backlog);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not bind the diagnostics endpoint to " + requested, e);
    }
    Executor executor = givenExecutor;
    if (executor == null) {
      ThreadPoolExecutor pool =
          new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
              DaemonThreads.named("skulk-diag-http"));
      pool.allowCoreThreadTimeOut(true);
      ownedExecutor = pool;
      executor = pool;
    }
    created.setExecutor(executor);
    created.createContext("/", handler);
    created.start();
    server = created;
    return this;
  }

  /** The port bound (the ephemeral one when built with port 0). */
  public synchronized int port() {
    return address().getPort();
  }

  /** The address bound. */
  public synchronized InetSocketAddress address() {
    if (server == null) {
      throw new IllegalStateException("DiagnosticsServer not started");
    }
    return server.getAddress();
  }

  /** The handler it serves, to mount the same routes elsewhere too. */
  public DiagnosticsHttpHandler handler() {
    return handler;
  }

  /** Stops serving at once (exchanges in flight are cut) and stops the owned executor. Idempotent. */
  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
    if (ownedExecutor != null) {
      ownedExecutor.shutdownNow();
      ownedExecutor = null;
    }
  }

  /**
   * Builds a {@link DiagnosticsServer}. Not thread-safe.
   *
   * <p>Defaults: {@code 127.0.0.1}, an ephemeral port, no cluster client (cluster routes answer
   * 503), no capture service (capture routes answer 503), 4 owned daemon threads.
   */
  public static final class Builder {
    private InetAddress bindAddress = ipv4Loopback();
    private int port;
    private final DiagnosticsHttpHandler.Builder handler = DiagnosticsHttpHandler.builder();
    private @Nullable Executor executor;
    private int backlog;

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

    /** This node's id. */
    public Builder nodeId(String nodeId) {
      handler.nodeId(nodeId);
      return this;
    }

    /** This node's bundle, for example {@code assembler::assembleNode}. */
    public Builder localNode(Supplier<NodeDiagnostics> localNode) {
      handler.localNode(localNode);
      return this;
    }

    /** The cluster fan-out (the host keeps owning it). */
    public Builder clusterClient(ClusterDiagnosticsClient cluster) {
      handler.clusterClient(cluster);
      return this;
    }

    /** The capture service. */
    public Builder captureService(CaptureService captures) {
      handler.captureService(captures);
      return this;
    }

    /** Runs requests on {@code executor} (the host's; never shut down by the server). */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** The listen backlog; 0 for the system default. */
    public Builder backlog(int backlog) {
      this.backlog = Math.max(0, backlog);
      return this;
    }

    /** The server, not yet started. */
    public DiagnosticsServer build() {
      return new DiagnosticsServer(this);
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
