package dev.skulk.diagnostics.server;

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
import dev.skulk.diagnostics.model.DiagnosticCaptureResponse;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.support.BoundedInput;
import dev.skulk.diagnostics.support.WarnOnceLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * Skulk's diagnostics HTTP API, independent of any HTTP server: a request ({@link
 * DiagnosticsRequest}: method, path, headers, body) in, a response (status, headers, a streamed
 * body) out through a {@link DiagnosticsResponseSink}. It owns every route, status and error
 * envelope; {@link DiagnosticsServer}, {@link DiagnosticsHttpHandler} (the JDK's {@code
 * HttpServer}) and the servlet of {@code diagnostics-servlet} are thin adapters over it.
 *
 * <ul>
 *   <li>{@code GET /v1/diagnostics/node}: this node's bundle;
 *   <li>{@code GET /v1/diagnostics/cluster}: the cluster bundle, within {@code min(the client's
 *       deadline, 80% of X-Skulk-Diag-Deadline)} when the caller sends that header;
 *   <li>{@code GET /v1/diagnostics/cluster/timeline}: its timeline;
 *   <li>{@code GET /v1/diagnostics/cluster/{nodeId}}: one node's bundle, fetched live;
 *   <li>{@code POST /v1/diagnostics/node/capture}: a capture (body a {@code
 *       DiagnosticCaptureRequest}, read STRICT; empty for the defaults);
 *   <li>{@code POST /v1/diagnostics/cluster/{nodeId}/capture}: a capture here or on a peer, the
 *       latter within {@code min(its sampling duration + 30 s, 80% of X-Skulk-Diag-Deadline)}
 *       (and the client's capture timeout);
 *   <li>{@code GET /node_id}: this node's id as a JSON string.
 * </ul>
 *
 * <p>Errors use Skulk's envelope {@code {"error":{"message":..,"type":..,"param":null,"code":..}}}:
 * 400 bad request body or duration, 404 unknown path, node or runner, 405 wrong method (with {@code
 * Allow}), 413 body over 1 MiB, 429 capture already running, 500 the node's own bundle failed or
 * names another node, 502 peer failed, 503 the feature is not configured. Read-only: nothing it
 * serves changes the host.
 *
 * <p><b>One node id.</b> The id is given once, here. The cluster client must have the same local
 * node id (checked when built), and a local bundle or capture whose {@code nodeId} differs is not
 * served: the request gets a 500 envelope naming both ids, so a host cannot serve {@code /node_id}
 * A with bundles of node B.
 *
 * <p><b>Streaming.</b> A body is written straight to the sink, never built as one array. The first
 * {@link Builder#responseBufferBytes(int) 64 KiB} are held back: a response that fits is sent with
 * a {@code Content-Length}, and a serialization failure inside it becomes a 500 envelope; past them
 * the response is committed with no length (chunked) and a later failure {@linkplain
 * DiagnosticsResponseSink#abort() cuts} it. Either way the failure is logged once at WARN per route
 * and cause, then at DEBUG.
 *
 * <p>Thread-safe; requests run on the caller's thread. Cost: a cluster request costs a fan-out
 * (bounded by its deadline); a capture may sample for up to ten seconds; others cost one bundle.
 */
public final class DiagnosticsRouter {

  /** The largest request body accepted, in bytes (1 MiB). */
  public static final int MAX_REQUEST_BYTES = 1024 * 1024;

  /** The most of an oversized request body that is read (and dropped) before answering 413. */
  static final int SWALLOW_BYTES = 8 * MAX_REQUEST_BYTES;

  /** The share of the caller's announced budget a cluster fan-out may use. */
  static final double DEADLINE_SHARE = 0.8;

  /**
   * Seconds a proxied capture may take beyond its sampling duration when the caller sends no
   * deadline, as the CLI allows: a macOS capture samples for up to {@code d + 5 + 8 + 8} seconds.
   */
  static final double CAPTURE_MARGIN_SECONDS = 30;

  /** The default for {@link Builder#responseBufferBytes(int)}. */
  public static final int DEFAULT_RESPONSE_BUFFER_BYTES = 64 * 1024;

  private static final WarnOnceLog LOG = new WarnOnceLog(LoggerFactory.getLogger(DiagnosticsRouter.class));

  /**
   * Which requests may wait on something other than this process (peers, a capture's sampling), so
   * that a front end can run them apart from the ones that must always answer at once.
   */
  public enum Lane {
    /** {@code /node_id}, {@code /v1/diagnostics/node} and unknown paths: answered from this process. */
    LOCAL,
    /** The cluster routes and captures: may wait for peers or sample for seconds. */
    FAN_OUT
  }

  private final String nodeId;
  private final Supplier<NodeDiagnostics> localNode;
  private final @Nullable ClusterDiagnosticsClient cluster;
  private final @Nullable CaptureService captures;
  private final int responseBufferBytes;
  private final BodyWriter bodyWriter;

  /** Streams a value as JSON; tests give one that fails half-way. */
  @FunctionalInterface
  interface BodyWriter {
    void write(Object value, OutputStream out) throws IOException;
  }

  private DiagnosticsRouter(Builder b) {
    this.nodeId = Objects.requireNonNull(b.nodeId, "nodeId is required");
    this.localNode = Objects.requireNonNull(b.localNode, "localNode is required");
    this.cluster = b.cluster;
    this.captures = b.captures;
    this.responseBufferBytes = b.responseBufferBytes;
    this.bodyWriter = b.bodyWriter;
    if (cluster != null && !cluster.localNodeId().equals(nodeId)) {
      throw new IllegalArgumentException("the cluster client is for node '" + cluster.localNodeId()
          + "' but the router serves node '" + nodeId + "'; configure one node id");
    }
  }

  /** A builder; {@code nodeId} and {@code localNode} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** This node's id, as served at {@code /node_id}. */
  public String nodeId() {
    return nodeId;
  }

  /**
   * The lane of a request for {@code rawPath}.
   *
   * @param rawPath the path as sent
   * @return {@link Lane#FAN_OUT} for the cluster and capture routes, {@link Lane#LOCAL} otherwise
   */
  public Lane lane(String rawPath) {
    return rawPath.startsWith("/v1/diagnostics/cluster") || rawPath.endsWith("/capture") ? Lane.FAN_OUT : Lane.LOCAL;
  }

  /**
   * Answers one request.
   *
   * @param request the request
   * @param sink where the response goes
   * @throws IOException when the client is gone; a committed response was {@linkplain
   *     DiagnosticsResponseSink#abort() aborted} first
   */
  public void handle(DiagnosticsRequest request, DiagnosticsResponseSink sink) throws IOException {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(sink, "sink");
    Reply reply;
    try {
      reply = route(request);
    } catch (HttpError e) {
      reply = Reply.error(e.status, messageOf(e), e.allow);
    } catch (RuntimeException | LinkageError | AssertionError e) {
      String message = e.getClass().getSimpleName() + ": " + e.getMessage();
      LOG.warn("route-failed:" + routeName(request.rawPath()) + ":" + e.getClass().getName(),
          "Diagnostics request " + request.method() + " " + routeName(request.rawPath()) + " failed: " + message, e);
      reply = Reply.error(500, message, null);
    }
    send(request, reply, sink);
  }

  /**
   * Answers with an error envelope, for a request an adapter refuses before routing (a malformed
   * request line, oversized headers).
   *
   * @param status the HTTP status
   * @param message the envelope's message
   * @param sink where the response goes
   * @throws IOException when the client is gone
   */
  public static void sendError(int status, String message, DiagnosticsResponseSink sink) throws IOException {
    byte[] body = PlainJson.errorEnvelope(status, message);
    try (OutputStream out = sink.commit(status, headers(null), body.length)) {
      out.write(body);
    }
  }

  private void send(DiagnosticsRequest request, Reply reply, DiagnosticsResponseSink sink) throws IOException {
    if (reply.value == null) {
      byte[] body = Objects.requireNonNull(reply.bytes);
      try (OutputStream out = sink.commit(reply.status, headers(reply.allow), body.length)) {
        out.write(body);
      }
      return;
    }
    HeldResponse out = new HeldResponse(sink, reply.status, headers(reply.allow), responseBufferBytes);
    try {
      bodyWriter.write(reply.value, out);
    } catch (IOException e) {
      if (out.committed()) {
        sink.abort();
      }
      throw e;
    } catch (RuntimeException | LinkageError | AssertionError e) {
      String reason = e instanceof DiagnosticsFormatException f ? f.path() + ": " + f.reason()
          : e.getClass().getSimpleName() + ": " + e.getMessage();
      String route = routeName(request.rawPath());
      LOG.warn("serialize:" + route + ":" + e.getClass().getName(),
          "Diagnostics response to " + request.method() + " " + route + " could not be serialized"
              + (out.committed() ? " after " + out.sent() + " bytes were sent; the connection is cut" : "")
              + ": " + reason, e);
      if (out.committed()) {
        sink.abort();
      } else {
        sendError(500, "Could not serialize the response: " + reason, sink);
      }
      return;
    }
    out.finish();
  }

  private static Map<String, String> headers(@Nullable String allow) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    if (allow != null) {
      headers.put("Allow", allow);
    }
    return headers;
  }

  /** The route's template, so that log keys and lines never carry a caller's free text. */
  static String routeName(String rawPath) {
    List<String> path = segments(rawPath);
    if (path.size() == 1 && path.get(0).equals("node_id")) {
      return "/node_id";
    }
    if (path.size() < 3 || !path.get(0).equals("v1") || !path.get(1).equals("diagnostics")) {
      return "(unknown path)";
    }
    List<String> rest = path.subList(2, path.size());
    if (rest.get(0).equals("node")) {
      return rest.size() == 1 ? "/v1/diagnostics/node" : "/v1/diagnostics/node/capture";
    }
    if (rest.size() == 1) {
      return "/v1/diagnostics/cluster";
    }
    if (rest.size() == 2) {
      return rest.get(1).equals("timeline") ? "/v1/diagnostics/cluster/timeline" : "/v1/diagnostics/cluster/{nodeId}";
    }
    return "/v1/diagnostics/cluster/{nodeId}/capture";
  }

  private Reply route(DiagnosticsRequest request) {
    String method = request.method();
    List<String> path = segments(request.rawPath());
    if (path.size() == 1 && path.get(0).equals("node_id")) {
      allow(method, "GET");
      return new Reply(200, PlainJson.string(nodeId), null, null);
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
      return json(captureLocal(readCaptureRequest(request)));
    }
    if (first.equals("node") && rest.size() == 4 && rest.get(1).equals("runners") && rest.get(3).equals("cancel")) {
      allow(method, "POST");
      throw noRunnerControls();
    }
    if (!first.equals("cluster")) {
      throw notFound();
    }
    if (rest.size() == 1) {
      allow(method, "GET");
      return json(collect(request));
    }
    if (rest.size() == 2 && rest.get(1).equals("timeline")) {
      allow(method, "GET");
      return json(ClusterTimelines.build(collect(request)));
    }
    if (rest.size() == 2) {
      allow(method, "GET");
      return json(node(rest.get(1), request));
    }
    if (rest.size() == 5 && rest.get(2).equals("runners") && rest.get(4).equals("cancel")) {
      allow(method, "POST");
      throw noRunnerControls();
    }
    if (rest.size() == 3 && rest.get(2).equals("capture")) {
      allow(method, "POST");
      return json(capture(rest.get(1), readCaptureRequest(request), request.header(ClusterDiagnosticsClient.DEADLINE_HEADER)));
    }
    throw notFound();
  }

  private NodeDiagnostics localBundle() {
    NodeDiagnostics bundle = Objects.requireNonNull(localNode.get(), "the local node supplier returned null");
    requireThisNode("bundle", bundle.runtime().nodeId());
    return bundle;
  }

  private void requireThisNode(String what, @Nullable String servedId) {
    if (!nodeId.equals(servedId)) {
      throw new HttpError(500, "The local " + what + " is for node '" + servedId + "' but this node is '" + nodeId
          + "'; the host must configure one node id.");
    }
  }

  private ClusterDiagnostics collect(DiagnosticsRequest request) {
    ClusterDiagnosticsClient client = requireCluster();
    return client.collect(deadline(request.header(ClusterDiagnosticsClient.DEADLINE_HEADER), client.overallDeadline()));
  }

  private NodeDiagnostics node(String id, DiagnosticsRequest request) {
    if (id.equals(nodeId)) {
      return localBundle();
    }
    ClusterDiagnosticsClient client = requireCluster();
    ClusterNodeDiagnostics entry = client.fetchNode(id,
        deadline(request.header(ClusterDiagnosticsClient.DEADLINE_HEADER), client.overallDeadline()));
    if (entry == null) {
      throw new HttpError(404, "Unknown node '" + id + "'.");
    }
    if (!entry.ok() || entry.diagnostics() == null) {
      throw new HttpError(502, entry.error() == null ? ClusterTimelines.NO_PAYLOAD : entry.error());
    }
    return entry.diagnostics();
  }

  private Object capture(String id, DiagnosticCaptureRequest request, @Nullable String deadlineHeader) {
    if (id.equals(nodeId)) {
      return captureLocal(request);
    }
    ClusterDiagnosticsClient client = requireCluster();
    if (client.peerUrl(id) == null) {
      throw new HttpError(404, "Unknown node '" + id + "'.");
    }
    validate(request);
    try {
      // Within the caller's deadline (80% of X-Skulk-Diag-Deadline), else the sampling duration
      // plus a margin; the client caps it further at its capture timeout.
      return client.capturePeer(id, request, captureDeadline(deadlineHeader, request));
    } catch (IllegalArgumentException e) {
      throw new HttpError(404, "Unknown node '" + id + "'.");
    } catch (PeerRequestException e) {
      int status = e.peerStatus();
      // The peer's own answer to a bad, busy or unmatched capture is passed on as it is.
      if (status == 400 || status == 404 || status == 413 || status == 429) {
        String detail = e.peerDetail();
        throw new HttpError(status, detail != null ? detail : messageOf(e));
      }
      throw new HttpError(502, messageOf(e));
    }
  }

  private Object captureLocal(DiagnosticCaptureRequest request) {
    if (captures == null) {
      throw new HttpError(503, "Diagnostics capture is not available on this node.");
    }
    validate(request);
    DiagnosticCaptureResponse response;
    try {
      response = captures.capture(request);
    } catch (CaptureBusyException e) {
      throw new HttpError(429, messageOf(e));
    } catch (NoMatchingRunnerException e) {
      throw new HttpError(404, messageOf(e));
    }
    requireThisNode("capture", response.nodeId());
    return response;
  }

  private static void validate(DiagnosticCaptureRequest request) {
    try {
      CaptureService.validate(request);
    } catch (InvalidCaptureRequestException e) {
      throw new HttpError(400, messageOf(e));
    }
  }

  private ClusterDiagnosticsClient requireCluster() {
    if (cluster == null) {
      throw new HttpError(503, "Cluster diagnostics are not available on this node.");
    }
    return cluster;
  }

  /** The configured deadline, or 80% of what the caller has left when that is less. */
  static Duration deadline(@Nullable String header, Duration configured) {
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

  /**
   * How long a proxied capture may take: the request's sampling duration plus {@link
   * #CAPTURE_MARGIN_SECONDS}, or 80% of what the caller has left when that is less.
   */
  static Duration captureDeadline(@Nullable String header, DiagnosticCaptureRequest request) {
    long millis = (long) Math.ceil((request.sampleDurationSeconds() + CAPTURE_MARGIN_SECONDS) * 1000);
    return deadline(header, Duration.ofMillis(millis));
  }

  private static DiagnosticCaptureRequest readCaptureRequest(DiagnosticsRequest request) {
    byte[] body = readBody(request);
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

  private static byte[] readBody(DiagnosticsRequest request) {
    String declared = request.header("Content-Length");
    long declaredBytes = -1;
    if (declared != null) {
      try {
        declaredBytes = Long.parseLong(declared.trim());
      } catch (NumberFormatException e) {
        throw new HttpError(400, "Invalid Content-Length '" + declared + "'.");
      }
    }
    InputStream in = request.body();
    try {
      if (declaredBytes > MAX_REQUEST_BYTES) {
        if (declaredBytes <= SWALLOW_BYTES) {
          swallow(in);
        }
        throw tooLarge();
      }
      return BoundedInput.readAtMost(in, MAX_REQUEST_BYTES);
    } catch (BoundedInput.TooLargeException e) {
      try {
        swallow(in);
      } catch (IOException ignored) {
        // The 413 stands; the client may see a reset instead.
      }
      throw tooLarge();
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
    return new Reply(200, null, value, null);
  }

  /** A status with either fixed bytes or a value to stream as JSON. */
  private static final class Reply {
    final int status;
    final byte @Nullable [] bytes;
    final @Nullable Object value;
    final @Nullable String allow;

    Reply(int status, byte @Nullable [] bytes, @Nullable Object value, @Nullable String allow) {
      this.status = status;
      this.bytes = bytes;
      this.value = value;
      this.allow = allow;
    }

    static Reply error(int status, String message, @Nullable String allow) {
      return new Reply(status, PlainJson.errorEnvelope(status, message), null, allow);
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
  }

  /**
   * Holds the first bytes of a body; commits the response with a length when the body ends within
   * them, or with none (streamed) as soon as it outgrows them.
   */
  private static final class HeldResponse extends OutputStream {
    private final DiagnosticsResponseSink sink;
    private final int status;
    private final Map<String, String> headers;
    private final byte[] held;
    private int count;
    private long sent;
    private @Nullable OutputStream out;

    HeldResponse(DiagnosticsResponseSink sink, int status, Map<String, String> headers, int holdBytes) {
      this.sink = sink;
      this.status = status;
      this.headers = headers;
      this.held = new byte[holdBytes];
    }

    boolean committed() {
      return out != null;
    }

    long sent() {
      return sent;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      OutputStream target = out;
      if (target == null) {
        if (count + len <= held.length) {
          System.arraycopy(b, off, held, count, len);
          count += len;
          return;
        }
        target = sink.commit(status, headers, -1);
        out = target;
        target.write(held, 0, count);
        sent += count;
      }
      target.write(b, off, len);
      sent += len;
    }

    /** Jackson flushes at the end of a value; the held bytes must stay held until {@link #finish}. */
    @Override
    public void flush() {}

    /** Closing is {@link #finish}'s job, so that a failed write never completes the response. */
    @Override
    public void close() {}

    void finish() throws IOException {
      OutputStream target = out;
      if (target == null) {
        target = sink.commit(status, headers, count);
        out = target;
        target.write(held, 0, count);
      }
      target.close();
    }
  }

  /**
   * Builds a {@link DiagnosticsRouter}. Not thread-safe; the router it builds is.
   *
   * <p>Without a cluster client the cluster routes answer 503 (except this node's own {@code
   * /cluster/{nodeId}}); without a capture service the capture routes of this node answer 503.
   */
  public static final class Builder {
    private @Nullable String nodeId;
    private @Nullable Supplier<NodeDiagnostics> localNode;
    private @Nullable ClusterDiagnosticsClient cluster;
    private @Nullable CaptureService captures;
    private int responseBufferBytes = DEFAULT_RESPONSE_BUFFER_BYTES;
    private BodyWriter bodyWriter = DiagnosticsJson.strict()::write;

    private Builder() {}

    /** How bodies are written (tests make it fail). */
    Builder bodyWriter(BodyWriter writer) {
      this.bodyWriter = Objects.requireNonNull(writer, "writer");
      return this;
    }

    /**
     * This node's id: served at {@code /node_id}, and the id every local bundle and capture must
     * carry. Optional when a cluster client is given (its local node id is used).
     */
    public Builder nodeId(String nodeId) {
      this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
      return this;
    }

    /** This node's bundle, for example {@code assembler::assembleNode}. */
    public Builder localNode(Supplier<NodeDiagnostics> localNode) {
      this.localNode = Objects.requireNonNull(localNode, "localNode");
      return this;
    }

    /** The cluster fan-out; the host keeps owning (and closes) it. Its local node id must be this node's. */
    public Builder clusterClient(ClusterDiagnosticsClient cluster) {
      this.cluster = Objects.requireNonNull(cluster, "cluster");
      return this;
    }

    /** The capture service. */
    public Builder captureService(CaptureService captures) {
      this.captures = Objects.requireNonNull(captures, "captures");
      return this;
    }

    /**
     * How many bytes of a JSON body are held before the response is committed (64 KiB by default):
     * a body that fits is sent with its length, and a serialization failure within it becomes a
     * 500 envelope; memory per request in flight grows with it.
     */
    public Builder responseBufferBytes(int bytes) {
      if (bytes < 0 || bytes > 64 * 1024 * 1024) {
        throw new IllegalArgumentException("responseBufferBytes must be within 0..64 MiB, was " + bytes);
      }
      this.responseBufferBytes = bytes;
      return this;
    }

    /**
     * The router.
     *
     * @throws NullPointerException when {@code localNode}, or both {@code nodeId} and a cluster
     *     client, are missing
     * @throws IllegalArgumentException when the cluster client is for another node
     */
    public DiagnosticsRouter build() {
      if (nodeId == null && cluster != null) {
        nodeId = cluster.localNodeId();
      }
      return new DiagnosticsRouter(this);
    }
  }

  /** An exception's message; our own exceptions always carry one, the class name stands in otherwise. */
  private static String messageOf(Throwable e) {
    String message = e.getMessage();
    return message != null ? message : e.getClass().getSimpleName();
  }

  /**
   * Upstream's runner-cancel routes ({@code POST .../runners/{runnerId}/cancel}, local and proxied)
   * answered as a Python node without a worker's runner controls answers them: this API is
   * read-only, so it never cancels a task nor relays a cancellation to a peer.
   */
  private static HttpError noRunnerControls() {
    return new HttpError(503, "Local worker runner controls are not available on this node.");
  }
}
