package dev.skulk.diagnostics.testkit;

import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.model.ClusterDiagnostics;
import dev.skulk.diagnostics.model.ClusterTimeline;
import dev.skulk.diagnostics.model.DiagnosticCaptureResponse;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A fake Skulk node for hosts' integration tests: it listens on 127.0.0.1 on an ephemeral port and
 * serves Skulk's diagnostics API from the documents it is given, or misbehaves on demand (hangs,
 * trickles, answers 500, malformed or oversized bodies, redirects, refuses connections), so that a
 * test can check how its code copes with a broken peer without a Python node.
 *
 * <pre>{@code
 * NodeDiagnostics bundle = SampleBundles.nodeWithTwoRunnersMidDecode();
 * try (FakeSkulkPeer peer = FakeSkulkPeer.serving(bundle);
 *     ClusterDiagnosticsClient client = ClusterDiagnosticsClient.builder()
 *         .localNodeId("me").localNode(() -> myBundle)
 *         .peerDirectory(StaticPeerDirectory.of(Map.of(peer.nodeId(), peer.url())))
 *         .build()) {
 *   assertThat(client.collect().nodes().get(1).diagnostics()).isEqualTo(bundle);
 *
 *   peer.behave(FakeSkulkPeer.Behavior.hang());           // from now on: read the request, say nothing
 *   ClusterNodeDiagnostics entry = client.collect(Duration.ofSeconds(1)).nodes().get(1);
 *   assertThat(entry.error()).startsWith("ReadTimeout: ");
 *   assertThat(peer.requests()).hasSize(2);              // what the peer saw, headers included
 * }
 * }</pre>
 *
 * <p>Each connection gets one answer, then is closed ({@code Connection: close}). Routes (any
 * behavior other than {@link Behavior#serve()} applies to all of them): {@code GET
 * /node_id} (the node id as a JSON string), {@code GET /v1/diagnostics/node}, {@code GET
 * /v1/diagnostics/cluster}, {@code GET /v1/diagnostics/cluster/timeline} and {@code POST
 * /v1/diagnostics/node/capture}; a document that was not given is a 503 in Skulk's error envelope,
 * an unknown path a 404 {@code {"detail":"Not Found"}} as FastAPI writes it.
 *
 * <p>Thread-safe: {@link #behave} may be called while requests are served. Each connection is
 * served on a daemon thread of its own; a hanging or trickling connection ends when the client
 * hangs up or the peer is closed. {@link #close()} stops every thread and socket it started. JDK
 * only: it needs no HTTP server library.
 */
public final class FakeSkulkPeer implements AutoCloseable {

  /** What a peer does with each request; immutable, made by the static factories. */
  public static final class Behavior {

    private enum Kind { SERVE, DELAY, HANG, HEADERS_THEN_HANG, TRICKLE, STATUS, MALFORMED, OVERSIZED, REDIRECT, REFUSE }

    private final Kind kind;
    private final Duration pause;
    private final int status;
    private final String text;
    private final long bytes;
    private final boolean declared;

    private Behavior(Kind kind, Duration pause, int status, String text, long bytes, boolean declared) {
      this.kind = kind;
      this.pause = pause;
      this.status = status;
      this.text = text;
      this.bytes = bytes;
      this.declared = declared;
    }

    private static Behavior of(Kind kind) {
      return new Behavior(kind, Duration.ZERO, 200, "", 0, false);
    }

    /** Answers every route from the given documents (the default). */
    public static Behavior serve() {
      return of(Kind.SERVE);
    }

    /** Answers as {@link #serve()}, after {@code delay} (a slow but healthy node). */
    public static Behavior delay(Duration delay) {
      return new Behavior(Kind.DELAY, nonNegative(delay), 200, "", 0, false);
    }

    /** Reads the request and never answers, until the client hangs up or the peer closes. */
    public static Behavior hang() {
      return of(Kind.HANG);
    }

    /** Sends {@code 200} headers declaring the node bundle's length, then nothing. */
    public static Behavior headersThenHang() {
      return of(Kind.HEADERS_THEN_HANG);
    }

    /** Sends {@code 200} headers, then the node bundle one byte every {@code interval}. */
    public static Behavior trickle(Duration interval) {
      return new Behavior(Kind.TRICKLE, nonNegative(interval), 200, "", 0, false);
    }

    /** Answers {@code status} with {@code body} as JSON (for example Skulk's error envelope). */
    public static Behavior status(int status, String body) {
      if (status < 100 || status > 599) {
        throw new IllegalArgumentException("status must be within 100..599, was " + status);
      }
      return new Behavior(Kind.STATUS, Duration.ZERO, status, Objects.requireNonNull(body, "body"), 0, false);
    }

    /** Answers {@code 500} with Skulk's error envelope carrying {@code message}. */
    public static Behavior serverError(String message) {
      return status(500, envelope(500, "Internal Server Error", Objects.requireNonNull(message, "message")));
    }

    /** Answers {@code 200} with a body that is not JSON (an object cut after its first key). */
    public static Behavior malformed() {
      return of(Kind.MALFORMED);
    }

    /**
     * Answers {@code 200} with {@code bytes} bytes of JSON whitespace, declaring the length when
     * {@code declared}, else chunked; it never holds more than 64 KiB of them.
     */
    public static Behavior oversized(long bytes, boolean declared) {
      if (bytes < 0) {
        throw new IllegalArgumentException("bytes must not be negative, was " + bytes);
      }
      return new Behavior(Kind.OVERSIZED, Duration.ZERO, 200, "", bytes, declared);
    }

    /** Answers {@code 302 Found} with {@code Location: location}. */
    public static Behavior redirect(String location) {
      return new Behavior(Kind.REDIRECT, Duration.ZERO, 302, Objects.requireNonNull(location, "location"), 0, false);
    }

    /**
     * Stops listening, so that connections are refused (a node that is down); switching to another
     * behavior listens again on the same port.
     */
    public static Behavior refuse() {
      return of(Kind.REFUSE);
    }

    @Override
    public String toString() {
      return "Behavior[" + kind.name().toLowerCase(Locale.ROOT) + "]";
    }

    private static Duration nonNegative(Duration d) {
      Objects.requireNonNull(d, "duration");
      if (d.isNegative()) {
        throw new IllegalArgumentException("duration must not be negative, was " + d);
      }
      return d;
    }
  }

  /**
   * One request the peer read.
   *
   * @param method the HTTP method
   * @param path the request target's path
   * @param headers the request's headers, names in lower case, the first value of each
   * @param body the request body
   */
  public record Request(String method, String path, Map<String, String> headers, byte[] body) {
    public Request {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(path, "path");
      headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
      body = body.clone();
    }

    /** The first value of header {@code name} (any case), or null. */
    public @Nullable String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The body, a copy. */
    @Override
    public byte[] body() {
      return body.clone();
    }
  }

  private static final int MAX_HEAD_BYTES = 64 * 1024;
  private static final int MAX_REQUEST_BODY_BYTES = 1024 * 1024;

  private final String nodeId;
  private final byte @Nullable [] node;
  private final byte @Nullable [] cluster;
  private final byte @Nullable [] timeline;
  private final byte @Nullable [] capture;
  private final InetAddress address;
  private final int port;
  private final URI url;
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger threads = new AtomicInteger();
  private final CountDownLatch closedLatch = new CountDownLatch(1);
  private volatile Behavior behavior;
  private @Nullable ServerSocket listener;
  private @Nullable Thread acceptor; // the thread accepting on listener
  private @Nullable Socket reserved;
  private boolean closed;

  private FakeSkulkPeer(Builder b) {
    this.nodeId = b.nodeId != null ? b.nodeId : "fake-peer";
    this.node = b.node;
    this.cluster = b.cluster;
    this.timeline = b.timeline;
    this.capture = b.capture;
    this.behavior = Behavior.serve();
    this.address = b.address;
    try {
      ServerSocket socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(address, b.port), 200);
      this.port = socket.getLocalPort();
      this.listener = socket;
      accept(socket);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + address.getHostAddress(), e);
    }
    String host = address.getHostAddress();
    this.url = URI.create("http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port);
    behave(b.behavior);
  }

  /** A builder; with nothing set the peer answers 503 to every document route. */
  public static Builder builder() {
    return new Builder();
  }

  /** A started peer serving {@code node} as its bundle, with that bundle's {@code runtime.nodeId}. */
  public static FakeSkulkPeer serving(NodeDiagnostics node) {
    return builder().node(node).start();
  }

  /** A URL on 127.0.0.1 where nothing listens (an ephemeral port just released): connections are refused. */
  public static URI unusedLoopbackUrl() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The base URL, {@code http://127.0.0.1:<port>}, to put in a peer directory. */
  public URI url() {
    return url;
  }

  /** The port it listens on. */
  public int port() {
    return port;
  }

  /** The node id it answers at {@code /node_id}. */
  public String nodeId() {
    return nodeId;
  }

  /** From now on, treats every new request as {@code behavior} says. */
  public void behave(Behavior behavior) {
    Objects.requireNonNull(behavior, "behavior");
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("the peer is closed");
      }
      this.behavior = behavior;
      if (behavior.kind == Behavior.Kind.REFUSE) {
        if (listener != null) {
          closeQuietly(listener);
          listener = null;
          // A thread blocked in accept() keeps the kernel's listening socket alive until it returns,
          // and may still accept a connection that arrives meanwhile: only once it has left is
          // every new connection refused.
          awaitAcceptorExit();
          // A socket bound to the port but not listening: connections are refused (the kernel
          // answers RST) and no other test can take the port meanwhile.
          try {
            Socket placeholder = new Socket();
            placeholder.setReuseAddress(true);
            placeholder.bind(new InetSocketAddress(address, port));
            reserved = placeholder;
          } catch (IOException e) {
            reserved = null; // the port is free then; refused all the same unless someone takes it
          }
        }
      } else if (listener == null) {
        closeQuietly(reserved);
        reserved = null;
        try {
          ServerSocket socket = new ServerSocket();
          socket.setReuseAddress(true);
          socket.bind(new InetSocketAddress(address, port), 200);
          listener = socket;
          accept(socket);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot listen again on port " + port, e);
        }
      }
    }
  }

  /** The requests read so far, in arrival order. */
  public List<Request> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /**
   * Waits until at least {@code count} requests have been read, or {@code timeout} passed.
   *
   * @return whether they had
   * @throws InterruptedException when interrupted while waiting
   */
  public boolean awaitRequests(int count, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    synchronized (requests) {
      while (requests.size() < count) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(requests, left);
      }
      return true;
    }
  }

  /** Stops listening, closes every connection and ends every thread it started. Idempotent. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      closeQuietly(listener);
      listener = null;
      closeQuietly(reserved);
      reserved = null;
      // Until its acceptor has left accept(), the listening socket may still take a connection
      // (a client retrying its request): wait, so that the loop below closes that one too.
      awaitAcceptorExit();
    }
    closedLatch.countDown();
    for (Socket socket : connections) {
      closeQuietly(socket);
    }
  }

  @Override
  public String toString() {
    return "FakeSkulkPeer[" + nodeId + " at " + url + ", " + behavior + "]";
  }

  private void awaitAcceptorExit() {
    Thread thread = acceptor;
    acceptor = null;
    if (thread != null && thread != Thread.currentThread()) {
      try {
        thread.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void accept(ServerSocket socket) {
    acceptor = start("fake-skulk-peer-accept", () -> {
      while (!socket.isClosed()) {
        Socket connection;
        try {
          connection = socket.accept();
        } catch (IOException e) {
          return; // closed: by close() or by refuse()
        }
        connections.add(connection);
        if (socket.isClosed()) {
          closeQuietly(connection); // accepted while the peer was closing or starting to refuse
          connections.remove(connection);
          continue;
        }
        start("fake-skulk-peer-conn", () -> {
          try (connection) {
            serve(connection);
          } catch (IOException | RuntimeException e) {
            // The client hung up or the test closed the peer: a peer does not care.
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            connections.remove(connection);
          }
        });
      }
    });
  }

  private Thread start(String name, Runnable body) {
    Thread thread = new Thread(body, name + "-" + port + "-" + threads.incrementAndGet());
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private void serve(Socket socket) throws IOException, InterruptedException {
    InputStream in = socket.getInputStream();
    Request request = readRequest(in);
    if (request == null) {
      return;
    }
    synchronized (requests) {
      requests.add(request);
      requests.notifyAll();
    }
    OutputStream out = socket.getOutputStream();
    Behavior now = behavior;
    switch (now.kind) {
      case SERVE, REFUSE -> route(out, request);
      case DELAY -> {
        if (!closedLatch.await(now.pause.toNanos(), TimeUnit.NANOSECONDS)) {
          route(out, request);
        }
      }
      case HANG -> waitForHangUp(in);
      case HEADERS_THEN_HANG -> {
        writeHead(out, 200, "application/json", Long.toString(nodeBody().length), null);
        out.flush();
        waitForHangUp(in);
      }
      case TRICKLE -> {
        byte[] body = nodeBody();
        writeHead(out, 200, "application/json", Long.toString(body.length), null);
        out.flush();
        for (byte b : body) {
          if (closedLatch.await(now.pause.toNanos(), TimeUnit.NANOSECONDS)) {
            return;
          }
          out.write(b);
          out.flush();
        }
      }
      case STATUS -> respond(out, now.status, now.text.getBytes(StandardCharsets.UTF_8));
      case MALFORMED -> respond(out, 200, "{\"generatedAt\": ".getBytes(StandardCharsets.UTF_8));
      case OVERSIZED -> oversized(out, now);
      case REDIRECT -> {
        writeHead(out, 302, "application/json", "0", now.text);
        out.flush();
      }
    }
  }

  private void route(OutputStream out, Request request) throws IOException {
    String path = request.path();
    boolean get = request.method().equals("GET");
    boolean post = request.method().equals("POST");
    if (get && path.equals("/node_id")) {
      respond(out, 200, jsonString(nodeId));
    } else if (get && path.equals("/v1/diagnostics/node")) {
      document(out, node, "Node diagnostics are not available on this node.");
    } else if (get && path.equals("/v1/diagnostics/cluster")) {
      document(out, cluster, "Cluster diagnostics are not available on this node.");
    } else if (get && path.equals("/v1/diagnostics/cluster/timeline")) {
      document(out, timeline, "Cluster diagnostics are not available on this node.");
    } else if (post && path.equals("/v1/diagnostics/node/capture")) {
      document(out, capture, "Diagnostics capture is not available on this node.");
    } else {
      respond(out, 404, "{\"detail\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void document(OutputStream out, byte @Nullable [] body, String missing) throws IOException {
    if (body == null) {
      respond(out, 503, envelope(503, "Service Unavailable", missing).getBytes(StandardCharsets.UTF_8));
    } else {
      respond(out, 200, body);
    }
  }

  private byte[] nodeBody() {
    return node != null ? node : "{}".getBytes(StandardCharsets.UTF_8);
  }

  private static void oversized(OutputStream out, Behavior b) throws IOException {
    byte[] piece = new byte[64 * 1024];
    Arrays.fill(piece, (byte) ' ');
    if (b.declared) {
      writeHead(out, 200, "application/json", Long.toString(b.bytes), null);
      for (long sent = 0; sent < b.bytes; sent += piece.length) {
        out.write(piece, 0, (int) Math.min(piece.length, b.bytes - sent));
      }
    } else {
      writeHead(out, 200, "application/json", null, null);
      for (long sent = 0; sent < b.bytes; sent += piece.length) {
        int n = (int) Math.min(piece.length, b.bytes - sent);
        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(piece, 0, n);
        out.write(CRLF);
      }
      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.flush();
  }

  private static final byte[] CRLF = {'\r', '\n'};

  private static void respond(OutputStream out, int status, byte[] body) throws IOException {
    writeHead(out, status, "application/json", Long.toString(body.length), null);
    out.write(body);
    out.flush();
  }

  /** A status line and headers; a null length means a chunked body. */
  private static void writeHead(OutputStream out, int status, String contentType, @Nullable String length,
      @Nullable String location) throws IOException {
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
    head.append("Content-Type: ").append(contentType).append("\r\n");
    if (length != null) {
      head.append("Content-Length: ").append(length).append("\r\n");
    } else {
      head.append("Transfer-Encoding: chunked\r\n");
    }
    if (location != null) {
      head.append("Location: ").append(location).append("\r\n");
    }
    head.append("Connection: close\r\n\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 302 -> "Found";
      case 400 -> "Bad Request";
      case 404 -> "Not Found";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      default -> "Status";
    };
  }

  /** Blocks until the client hangs up or the peer closes the socket. */
  private static void waitForHangUp(InputStream in) throws IOException {
    byte[] sink = new byte[1024];
    try {
      while (in.read(sink) >= 0) {
        // A client may send more (a pipelined request); a hung peer ignores it.
      }
    } catch (SocketException e) {
      // Closed under us: done.
    }
  }

  /** Reads a request head and its body (by Content-Length), or null when the client sent nothing. */
  private static @Nullable Request readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int state = 0;
    while (state < 4) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      if (head.size() > MAX_HEAD_BYTES) {
        return null;
      }
      state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1
          : b == '\r' ? 1 : 0;
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    String[] requestLine = lines[0].split(" ");
    if (requestLine.length < 2) {
      return null;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
      }
    }
    int length = 0;
    String declared = headers.get("content-length");
    if (declared != null) {
      try {
        length = (int) Math.min(MAX_REQUEST_BODY_BYTES, Math.max(0, Long.parseLong(declared)));
      } catch (NumberFormatException e) {
        length = 0;
      }
    }
    byte[] body = in.readNBytes(length);
    String target = requestLine[1];
    int query = target.indexOf('?');
    String path = query < 0 ? target : target.substring(0, query);
    return new Request(requestLine[0], path, headers, body);
  }

  private static byte[] jsonString(String value) {
    StringBuilder json = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        json.append('\\').append(c);
      } else if (c < 0x20) {
        json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        json.append(c);
      }
    }
    return json.append('"').toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String envelope(int status, String type, String message) {
    return "{\"error\":{\"message\":" + new String(jsonString(message), StandardCharsets.UTF_8)
        + ",\"type\":\"" + type + "\",\"param\":null,\"code\":" + status + "}}";
  }

  private static void closeQuietly(@Nullable AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      // Only releasing: nothing to do about a failure here.
    }
  }

  /**
   * Builds a {@link FakeSkulkPeer}. Not thread-safe. Documents are serialized as a Java peer
   * would write them; the {@code ...Json} setters take text as is (a bundle a Python node wrote,
   * or a deliberately broken one).
   */
  public static final class Builder {
    private @Nullable String nodeId;
    private byte @Nullable [] node;
    private byte @Nullable [] cluster;
    private byte @Nullable [] timeline;
    private byte @Nullable [] capture;
    private Behavior behavior = Behavior.serve();
    private InetAddress address = InetAddress.getLoopbackAddress();
    private int port;

    private Builder() {}

    /**
     * Listens on another loopback address and a given port (default 127.0.0.1, an ephemeral
     * port): on Linux every 127.x.y.z is loopback, so several fake peers can stand for several
     * hosts with the same API port.
     *
     * @throws IllegalArgumentException when {@code address} is not a loopback address or the port
     *     is not within 0..65535
     */
    public Builder bind(InetAddress address, int port) {
      Objects.requireNonNull(address, "address");
      if (!address.isLoopbackAddress()) {
        throw new IllegalArgumentException("a fake peer listens on loopback only, not " + address.getHostAddress());
      }
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be within 0..65535, was " + port);
      }
      this.address = address;
      this.port = port;
      return this;
    }

    /** The id answered at {@code /node_id} (default: the node bundle's, else {@code fake-peer}). */
    public Builder nodeId(String nodeId) {
      this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
      return this;
    }

    /** The bundle of {@code GET /v1/diagnostics/node}; also sets the node id unless one was set. */
    public Builder node(NodeDiagnostics node) {
      Objects.requireNonNull(node, "node");
      if (nodeId == null) {
        nodeId = node.runtime().nodeId();
      }
      this.node = DiagnosticsJson.strict().writeBytes(node);
      return this;
    }

    /** The text of {@code GET /v1/diagnostics/node}, served as is. */
    public Builder nodeJson(String json) {
      this.node = Objects.requireNonNull(json, "json").getBytes(StandardCharsets.UTF_8);
      return this;
    }

    /** The bundle of {@code GET /v1/diagnostics/cluster}. */
    public Builder cluster(ClusterDiagnostics cluster) {
      this.cluster = DiagnosticsJson.strict().writeBytes(Objects.requireNonNull(cluster, "cluster"));
      return this;
    }

    /** The timeline of {@code GET /v1/diagnostics/cluster/timeline}. */
    public Builder timeline(ClusterTimeline timeline) {
      this.timeline = DiagnosticsJson.strict().writeBytes(Objects.requireNonNull(timeline, "timeline"));
      return this;
    }

    /** The answer of {@code POST /v1/diagnostics/node/capture}. */
    public Builder capture(DiagnosticCaptureResponse capture) {
      this.capture = DiagnosticsJson.strict().writeBytes(Objects.requireNonNull(capture, "capture"));
      return this;
    }

    /** The behavior it starts with (default {@link Behavior#serve()}). */
    public Builder behavior(Behavior behavior) {
      this.behavior = Objects.requireNonNull(behavior, "behavior");
      return this;
    }

    /**
     * Starts the peer on 127.0.0.1, an ephemeral port.
     *
     * @throws UncheckedIOException when it cannot listen
     */
    public FakeSkulkPeer start() {
      return new FakeSkulkPeer(this);
    }
  }
}
