package dev.skulk.diagnostics.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.skulk.diagnostics.cluster.CaptureBusyException;
import dev.skulk.diagnostics.cluster.CaptureService;
import dev.skulk.diagnostics.cluster.ClusterDiagnosticsClient;
import dev.skulk.diagnostics.cluster.ClusterTimelines;
import dev.skulk.diagnostics.cluster.InvalidCaptureRequestException;
import dev.skulk.diagnostics.cluster.NoMatchingRunnerException;
import dev.skulk.diagnostics.cluster.PeerRequestException;
import dev.skulk.diagnostics.cluster.internal.PlainJson;
import dev.skulk.diagnostics.json.DiagnosticsFormatException;
import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.model.ClusterDiagnostics;
import dev.skulk.diagnostics.model.ClusterNodeDiagnostics;
import dev.skulk.diagnostics.model.DiagnosticCaptureRequest;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The diagnostics routes as one {@link HttpHandler}, for a host that mounts them in its own {@code
 * com.sun.net.httpserver.HttpServer} (at {@code /}: routes match the full request path); {@link
 * DiagnosticsServer} serves it on its own.
 *
 * <ul>
 *   <li>{@code GET /v1/diagnostics/node}: this node's bundle;
 *   <li>{@code GET /v1/diagnostics/cluster}: the cluster bundle, within {@code min(the client's
 *       deadline, 80% of X-Skulk-Diag-Deadline)} when the caller sends that header;
 *   <li>{@code GET /v1/diagnostics/cluster/timeline}: its timeline;
 *   <li>{@code GET /v1/diagnostics/cluster/{nodeId}}: one node's bundle, fetched live;
 *   <li>{@code POST /v1/diagnostics/node/capture}: a capture (body a {@code
 *       DiagnosticCaptureRequest}, read STRICT; empty for the defaults);
 *   <li>{@code POST /v1/diagnostics/cluster/{nodeId}/capture}: a capture here or on a peer;
 *   <li>{@code GET /node_id}: this node's id as a JSON string.
 * </ul>
 *
 * <p>Errors use Skulk's envelope {@code {"error":{"message":..,"type":..,"param":null,"code":..}}}:
 * 400 bad request body or duration, 404 unknown path, node or runner, 405 wrong method (with {@code
 * Allow}), 413 body over 1 MiB, 429 capture already running, 502 peer failed, 503 the feature is not
 * configured. Read-only: nothing it serves changes the host.
 *
 * <p>Thread-safe; each request runs on the server's executor thread. Cost: a cluster request costs
 * a fan-out (bounded by its deadline); a capture may sample for up to half a minute.
 */
public final class DiagnosticsHttpHandler implements HttpHandler {

  /** The largest request body accepted. */
  public static final int MAX_REQUEST_BYTES = 1024 * 1024;

  /** The most of an oversized request body that is read (and dropped) before answering 413. */
  static final int SWALLOW_BYTES = 8 * MAX_REQUEST_BYTES;

  /** The share of the caller's announced budget a cluster fan-out may use. */
  static final double DEADLINE_SHARE = 0.8;

  private static final Logger LOG = LoggerFactory.getLogger(DiagnosticsHttpHandler.class);
  private static final String PREFIX = "/v1/diagnostics";

  private final String nodeId;
  private final Supplier<NodeDiagnostics> localNode;
  private final @Nullable ClusterDiagnosticsClient cluster;
  private final @Nullable CaptureService captures;

  private DiagnosticsHttpHandler(Builder b) {
    this.nodeId = Objects.requireNonNull(b.nodeId, "nodeId is required");
    this.localNode = Objects.requireNonNull(b.localNode, "localNode is required");
    this.cluster = b.cluster;
    this.captures = b.captures;
  }

  /** A builder; {@code nodeId} and {@code localNode} are required. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      Reply reply;
      try {
        reply = route(exchange);
      } catch (HttpError e) {
        reply = e.reply();
      } catch (RuntimeException | LinkageError | AssertionError e) {
        LOG.warn("Diagnostics request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        reply = Reply.error(500, e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      send(exchange, reply);
    } finally {
      exchange.close();
    }
  }

  private Reply route(HttpExchange exchange) {
    String method = exchange.getRequestMethod();
    List<String> path = segments(exchange.getRequestURI().getRawPath());
    if (path.size() == 1 && path.get(0).equals("node_id")) {
      allow(method, "GET");
      return new Reply(200, PlainJson.string(nodeId), null);
    }
    if (path.size() < 3 || !path.get(0).equals("v1") || !path.get(1).equals("diagnostics")) {
      throw notFound();
    }
    List<String> rest = path.subList(2, path.size());
    String first = rest.get(0);
    if (first.equals("node") && rest.size() == 1) {
      allow(method, "GET");
      return json(localBundle());
    }
    if (first.equals("node") && rest.size() == 2 && rest.get(1).equals("capture")) {
      allow(method, "POST");
      return json(captureLocal(readCaptureRequest(exchange)));
    }
    if (!first.equals("cluster")) {
      throw notFound();
    }
    if (rest.size() == 1) {
      allow(method, "GET");
      return json(collect(exchange));
    }
    if (rest.size() == 2 && rest.get(1).equals("timeline")) {
      allow(method, "GET");
      return json(ClusterTimelines.build(collect(exchange)));
    }
    if (rest.size() == 2) {
      allow(method, "GET");
      return json(node(rest.get(1), exchange));
    }
    if (rest.size() == 3 && rest.get(2).equals("capture")) {
      allow(method, "POST");
      return json(capture(rest.get(1), readCaptureRequest(exchange)));
    }
    throw notFound();
  }

  private NodeDiagnostics localBundle() {
    return Objects.requireNonNull(localNode.get(), "the local node supplier returned null");
  }

  private ClusterDiagnostics collect(HttpExchange exchange) {
    return requireCluster().collect(deadline(exchange, requireCluster().overallDeadline()));
  }

  private NodeDiagnostics node(String id, HttpExchange exchange) {
    if (id.equals(nodeId)) {
      return localBundle();
    }
    ClusterDiagnosticsClient client = requireCluster();
    ClusterNodeDiagnostics entry = client.fetchNode(id, deadline(exchange, client.overallDeadline()));
    if (entry == null) {
      throw new HttpError(404, "Unknown node '" + id + "'.");
    }
    if (!entry.ok() || entry.diagnostics() == null) {
      throw new HttpError(502, entry.error() == null ? ClusterTimelines.NO_PAYLOAD : entry.error());
    }
    return entry.diagnostics();
  }

  private Object capture(String id, DiagnosticCaptureRequest request) {
    if (id.equals(nodeId)) {
      return captureLocal(request);
    }
    ClusterDiagnosticsClient client = requireCluster();
    if (client.peerUrl(id) == null) {
      throw new HttpError(404, "Unknown node '" + id + "'.");
    }
    validate(request);
    try {
      return client.capturePeer(id, request);
    } catch (IllegalArgumentException e) {
      throw new HttpError(404, "Unknown node '" + id + "'.");
    } catch (PeerRequestException e) {
      int status = e.peerStatus();
      // The peer's own answer to a bad, busy or unmatched capture is passed on as it is.
      if (status == 400 || status == 404 || status == 413 || status == 429) {
        throw new HttpError(status, e.peerDetail() != null ? e.peerDetail() : e.getMessage());
      }
      throw new HttpError(502, e.getMessage());
    }
  }

  private Object captureLocal(DiagnosticCaptureRequest request) {
    if (captures == null) {
      throw new HttpError(503, "Diagnostics capture is not available on this node.");
    }
    validate(request);
    try {
      return captures.capture(request);
    } catch (CaptureBusyException e) {
      throw new HttpError(429, e.getMessage());
    } catch (NoMatchingRunnerException e) {
      throw new HttpError(404, e.getMessage());
    }
  }

  private static void validate(DiagnosticCaptureRequest request) {
    try {
      CaptureService.validate(request);
    } catch (InvalidCaptureRequestException e) {
      throw new HttpError(400, e.getMessage());
    }
  }

  private ClusterDiagnosticsClient requireCluster() {
    if (cluster == null) {
      throw new HttpError(503, "Cluster diagnostics are not available on this node.");
    }
    return cluster;
  }

  /** The configured deadline, or 80% of what the caller has left when that is less. */
  static Duration deadline(HttpExchange exchange, Duration configured) {
    String header = exchange.getRequestHeaders().getFirst(ClusterDiagnosticsClient.DEADLINE_HEADER);
    if (header == null) {
      return configured;
    }
    double millisLeft;
    try {
      millisLeft = Double.parseDouble(header.trim());
    } catch (NumberFormatException e) {
      return configured;
    }
    if (!Double.isFinite(millisLeft)) {
      return configured;
    }
    long share = (long) Math.max(1, millisLeft * DEADLINE_SHARE);
    Duration callers = Duration.ofMillis(share);
    return callers.compareTo(configured) < 0 ? callers : configured;
  }

  private static DiagnosticCaptureRequest readCaptureRequest(HttpExchange exchange) {
    byte[] body = readBody(exchange);
    if (new String(body, StandardCharsets.UTF_8).isBlank()) {
      return DiagnosticCaptureRequest.defaults();
    }
    try {
      return DiagnosticsJson.strict().read(body, DiagnosticCaptureRequest.class);
    } catch (DiagnosticsFormatException e) {
      throw new HttpError(400, "Invalid capture request: " + e.path() + ": " + e.reason());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new HttpError(400, "Invalid capture request: " + e.getMessage());
    }
  }

  private static byte[] readBody(HttpExchange exchange) {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    long declaredBytes = -1;
    if (declared != null) {
      try {
        declaredBytes = Long.parseLong(declared.trim());
      } catch (NumberFormatException e) {
        throw new HttpError(400, "Invalid Content-Length '" + declared + "'.");
      }
    }
    try (InputStream in = exchange.getRequestBody()) {
      if (declaredBytes > MAX_REQUEST_BYTES) {
        if (declaredBytes <= SWALLOW_BYTES) {
          swallow(in);
        }
        throw tooLarge();
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        if (body.size() + n > MAX_REQUEST_BYTES) {
          swallow(in);
          throw tooLarge();
        }
        body.write(buffer, 0, n);
      }
      return body.toByteArray();
    } catch (IOException e) {
      throw new HttpError(400, "Could not read the request body: " + e.getMessage());
    }
  }

  /*
   * Reads and drops what is left of an oversized body (up to SWALLOW_BYTES), so the client, still
   * sending, gets the 413 instead of a connection reset; the JDK server drains only 64 KiB itself.
   */
  private static void swallow(InputStream in) throws IOException {
    byte[] buffer = new byte[16 * 1024];
    long total = 0;
    int n;
    while (total < SWALLOW_BYTES && (n = in.read(buffer)) >= 0) {
      total += n;
    }
  }

  private static HttpError tooLarge() {
    return new HttpError(413, "Request body exceeds " + MAX_REQUEST_BYTES + " bytes.");
  }

  private static HttpError notFound() {
    return new HttpError(404, "Not Found");
  }

  private static void allow(String method, String allowed) {
    if (!method.equals(allowed)) {
      throw new HttpError(405, "Method Not Allowed", allowed);
    }
  }

  /** Percent-decoded path segments; an empty or trailing segment is kept, so it matches nothing. */
  static List<String> segments(@Nullable String rawPath) {
    List<String> out = new ArrayList<>();
    if (rawPath == null || !rawPath.startsWith("/")) {
      return out;
    }
    for (String part : rawPath.substring(1).split("/", -1)) {
      out.add(percentDecode(part));
    }
    return out;
  }

  private static String percentDecode(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%' && i + 2 < raw.length()) {
        int hi = Character.digit(raw.charAt(i + 1), 16);
        int lo = Character.digit(raw.charAt(i + 2), 16);
        if (hi >= 0 && lo >= 0) {
          bytes.write(hi * 16 + lo);
          i += 2;
          continue;
        }
      }
      byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
      bytes.write(encoded, 0, encoded.length);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static Reply json(Object value) {
    return new Reply(200, DiagnosticsJson.strict().writeBytes(value), null);
  }

  private static void send(HttpExchange exchange, Reply reply) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    if (reply.allow != null) {
      exchange.getResponseHeaders().set("Allow", reply.allow);
    }
    exchange.sendResponseHeaders(reply.status, reply.body.length == 0 ? -1 : reply.body.length);
    if (reply.body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(reply.body);
      }
    }
  }

  private static final class Reply {
    final int status;
    final byte[] body;
    final @Nullable String allow;

    Reply(int status, byte[] body, @Nullable String allow) {
      this.status = status;
      this.body = body;
      this.allow = allow;
    }

    static Reply error(int status, String message) {
      return new Reply(status, PlainJson.errorEnvelope(status, message), null);
    }
  }

  /** An answer other than 200, raised anywhere in routing. */
  private static final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final @Nullable String allow;

    HttpError(int status, String message) {
      this(status, message, null);
    }

    HttpError(int status, String message, @Nullable String allow) {
      super(message, null, false, false);
      this.status = status;
      this.allow = allow;
    }

    Reply reply() {
      return new Reply(status, PlainJson.errorEnvelope(status, getMessage()), allow);
    }
  }

  /**
   * Builds a {@link DiagnosticsHttpHandler}. Not thread-safe; the handler it builds is.
   *
   * <p>Without a cluster client the cluster routes answer 503 (except this node's own {@code
   * /cluster/{nodeId}}); without a capture service the capture routes of this node answer 503.
   */
  public static final class Builder {
    private @Nullable String nodeId;
    private @Nullable Supplier<NodeDiagnostics> localNode;
    private @Nullable ClusterDiagnosticsClient cluster;
    private @Nullable CaptureService captures;

    private Builder() {}

    /** This node's id (served at {@code /node_id}). */
    public Builder nodeId(String nodeId) {
      this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
      return this;
    }

    /** This node's bundle, for example {@code assembler::assembleNode}. */
    public Builder localNode(Supplier<NodeDiagnostics> localNode) {
      this.localNode = Objects.requireNonNull(localNode, "localNode");
      return this;
    }

    /** The cluster fan-out; the host keeps owning (and closes) it. */
    public Builder clusterClient(ClusterDiagnosticsClient cluster) {
      this.cluster = Objects.requireNonNull(cluster, "cluster");
      return this;
    }

    /** The capture service. */
    public Builder captureService(CaptureService captures) {
      this.captures = Objects.requireNonNull(captures, "captures");
      return this;
    }

    /** The handler. */
    public DiagnosticsHttpHandler build() {
      return new DiagnosticsHttpHandler(this);
    }
  }
}
