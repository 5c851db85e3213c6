package dev.skulk.diagnostics.cluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A peer on 127.0.0.1 that behaves as a test tells it to: a JDK {@link HttpServer} for well-formed
 * HTTP, or a raw {@link ServerSocket} for peers that misbehave below HTTP. Its threads are daemons;
 * {@link #close()} stops everything it started.
 *
 * <p>Kept only for the server package's tests; the cluster tests use the published {@code
 * dev.skulk.diagnostics.testkit.FakeSkulkPeer}, which new tests should use too.
 */
public final class FakePeer implements AutoCloseable {

  /** What a raw peer does with one accepted connection (on its own thread). */
  @FunctionalInterface
  public interface Connection {
    void handle(Socket socket) throws Exception;
  }

  private final URI url;
  private final AutoCloseable resource;

  private FakePeer(URI url, AutoCloseable resource) {
    this.url = url;
    this.resource = resource;
  }

  public URI url() {
    return url;
  }

  public int port() {
    return url.getPort();
  }

  /** An HTTP peer on {@code address} (port 0 = ephemeral). */
  public static FakePeer http(InetAddress address, int port, HttpHandler handler) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 0);
      ExecutorService pool = Executors.newCachedThreadPool(daemon("fake-peer-http"));
      server.setExecutor(pool);
      server.createContext("/", handler);
      server.start();
      URI url = URI.create("http://" + address.getHostAddress() + ":" + server.getAddress().getPort());
      return new FakePeer(url, () -> {
        server.stop(0);
        pool.shutdownNow();
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An HTTP peer on 127.0.0.1. */
  public static FakePeer http(HttpHandler handler) {
    return http(InetAddress.getLoopbackAddress(), 0, handler);
  }

  /** An HTTP peer that answers every request with {@code status} and {@code body} as JSON. */
  public static FakePeer json(int status, String body) {
    return http(exchange -> respond(exchange, status, body));
  }

  /** A raw TCP peer on 127.0.0.1. */
  public static FakePeer raw(Connection connection) {
    try {
      ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      List<Socket> accepted = new CopyOnWriteArrayList<>();
      ExecutorService pool = Executors.newCachedThreadPool(daemon("fake-peer-raw"));
      pool.execute(() -> {
        while (!server.isClosed()) {
          try {
            Socket socket = server.accept();
            accepted.add(socket);
            pool.execute(() -> {
              try (socket) {
                connection.handle(socket);
              } catch (Exception e) {
                // The client went away or the test closed us: a peer does not care.
              }
            });
          } catch (IOException e) {
            return;
          }
        }
      });
      URI url = URI.create("http://127.0.0.1:" + server.getLocalPort());
      return new FakePeer(url, () -> {
        server.close();
        for (Socket socket : accepted) {
          socket.close();
        }
        pool.shutdownNow();
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A URL on 127.0.0.1 where nothing listens (a port just released). */
  public static URI closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the request head of a raw connection (up to the blank line). */
  public static void readRequestHead(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    int state = 0;
    int b;
    while (state < 4 && (b = in.read()) >= 0) {
      state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
    }
  }

  /** Writes a response with a JSON body. */
  public static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Reads the whole body of a test resource next to this class. */
  public static String resource(String name) {
    try (InputStream in = FakePeer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("No test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void close() {
    try {
      resource.close();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
