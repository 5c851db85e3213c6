package dev.skulk.diagnostics.server;

import com.sun.net.httpserver.HttpServer;
import dev.skulk.diagnostics.support.DaemonThreads;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The route kit on a host's own JDK {@code HttpServer}, through {@link DiagnosticsHttpHandler}. */
class JdkHttpHandlerRoutesIT extends DiagnosticsRoutesKit {

  @Override
  protected URI serve(DiagnosticsRouter router) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    ExecutorService pool = Executors.newCachedThreadPool(DaemonThreads.named("test-jdk-http"));
    server.setExecutor(pool);
    server.createContext("/", DiagnosticsHttpHandler.of(router));
    server.start();
    closing(() -> {
      server.stop(0);
      pool.shutdownNow();
    });
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }
}
