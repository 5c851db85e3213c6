package dev.skulk.diagnostics.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.skulk.diagnostics.cluster.CaptureService;
import dev.skulk.diagnostics.cluster.ClusterDiagnosticsClient;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The diagnostics routes of a {@link DiagnosticsRouter} as one {@link HttpHandler}, for a host that
 * mounts them in its own {@code com.sun.net.httpserver.HttpServer} (at {@code /}: routes match the
 * full request path). A thin adapter: every route, status and envelope is the router's.
 *
 * <p>What the JDK server does before a handler runs is out of its reach: it answers a malformed
 * request line or header, or a path it cannot parse ({@code %zz}), with its own HTML page, and its
 * default executor and read limits are the host's business. {@link DiagnosticsServer} has none of
 * these gaps; see the README's security notes.
 *
 * <p>Thread-safe; each request runs on the server's executor thread. Cost: the router's.
 */
public final class DiagnosticsHttpHandler implements HttpHandler {

  /** The largest request body accepted; the router's {@link DiagnosticsRouter#MAX_REQUEST_BYTES}. */
  public static final int MAX_REQUEST_BYTES = DiagnosticsRouter.MAX_REQUEST_BYTES;

  private final DiagnosticsRouter router;

  private DiagnosticsHttpHandler(DiagnosticsRouter router) {
    this.router = Objects.requireNonNull(router, "router");
  }

  /** The handler serving {@code router}. */
  public static DiagnosticsHttpHandler of(DiagnosticsRouter router) {
    return new DiagnosticsHttpHandler(router);
  }

  /** A builder of a handler over a new router; {@code nodeId} and {@code localNode} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The router it serves. */
  public DiagnosticsRouter router() {
    return router;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    ExchangeSink sink = new ExchangeSink(exchange);
    try {
      DiagnosticsRequest request = new DiagnosticsRequest(
          exchange.getRequestMethod(),
          exchange.getRequestURI().getRawPath(),
          exchange.getRequestURI().getRawQuery(),
          exchange.getRequestHeaders()::getFirst,
          exchange.getRequestBody());
      router.handle(request, sink);
      if (sink.aborted) {
        // The JDK server closes the connection, without the final chunk, when a handler throws.
        throw new IOException("diagnostics response aborted half-way");
      }
    } finally {
      if (!sink.aborted) {
        exchange.close();
      }
    }
  }

  /** Writes to an {@link HttpExchange}; an unknown length becomes chunked encoding. */
  private static final class ExchangeSink implements DiagnosticsResponseSink {
    private final HttpExchange exchange;
    boolean aborted;

    ExchangeSink(HttpExchange exchange) {
      this.exchange = exchange;
    }

    @Override
    public OutputStream commit(int status, Map<String, String> headers, long contentLength) throws IOException {
      headers.forEach(exchange.getResponseHeaders()::set);
      // The JDK server's conventions: 0 means chunked, -1 means no body.
      exchange.sendResponseHeaders(status, contentLength < 0 ? 0 : contentLength == 0 ? -1 : contentLength);
      return exchange.getResponseBody();
    }

    @Override
    public void abort() {
      aborted = true;
    }
  }

  /**
   * Builds a {@link DiagnosticsHttpHandler} over a new {@link DiagnosticsRouter}, as {@link
   * DiagnosticsRouter.Builder} does. Not thread-safe; the handler it builds is.
   */
  public static final class Builder {
    private final DiagnosticsRouter.Builder router = DiagnosticsRouter.builder();

    private Builder() {}

    /** This node's id (served at {@code /node_id}). */
    public Builder nodeId(String nodeId) {
      router.nodeId(nodeId);
      return this;
    }

    /** This node's bundle, for example {@code assembler::assembleNode}. */
    public Builder localNode(Supplier<NodeDiagnostics> localNode) {
      router.localNode(localNode);
      return this;
    }

    /** The cluster fan-out; the host keeps owning (and closes) it. */
    public Builder clusterClient(ClusterDiagnosticsClient cluster) {
      router.clusterClient(cluster);
      return this;
    }

    /** The capture service. */
    public Builder captureService(CaptureService captures) {
      router.captureService(captures);
      return this;
    }

    /** The handler. */
    public DiagnosticsHttpHandler build() {
      return new DiagnosticsHttpHandler(router.build());
    }
  }
}
