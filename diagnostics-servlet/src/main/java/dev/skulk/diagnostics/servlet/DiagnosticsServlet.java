package dev.skulk.diagnostics.servlet;

import dev.skulk.diagnostics.server.DiagnosticsRequest;
import dev.skulk.diagnostics.server.DiagnosticsResponseSink;
import dev.skulk.diagnostics.server.DiagnosticsRouter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.Objects;

/**
 * The diagnostics routes of a {@link DiagnosticsRouter} as a Jakarta Servlet (Servlet 6), for a
 * host that already runs a servlet container. A thin adapter: every route, status and envelope is
 * the router's.
 *
 * <pre>{@code
 * DiagnosticsRouter router = DiagnosticsRouter.builder()
 *     .nodeId(nodeId).localNode(assembler::assembleNode).clusterClient(fanOut).build();
 * context.addServlet(new ServletHolder(new DiagnosticsServlet(router)), "/*");   // Jetty 12 ee10
 * }</pre>
 *
 * <p>Map it at {@code /*} of a context: the routes match the request path below the context path
 * ({@code /node_id}, {@code /v1/diagnostics/...}); peers expect them at the root, so mount it in the
 * root context. Request reading, limits on headers, slow clients and threads are the container's:
 * configure them there (the SDK's own {@code DiagnosticsServer} does it for you).
 *
 * <p>Thread-safe; each request runs on the container's thread. Cost: the router's.
 */
public final class DiagnosticsServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** Not serializable; a container that serializes servlets (none in common use) gets it rebuilt by the host. */
  private final transient DiagnosticsRouter router;

  /**
   * A servlet serving {@code router}.
   *
   * @param router the routes
   */
  public DiagnosticsServlet(DiagnosticsRouter router) {
    this.router = Objects.requireNonNull(router, "router");
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String uri = request.getRequestURI(); // still percent-encoded, without the query
    String context = request.getContextPath();
    String rawPath = !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    ResponseSink sink = new ResponseSink(response);
    router.handle(new DiagnosticsRequest(request.getMethod(), rawPath.isEmpty() ? "/" : rawPath,
        request.getQueryString(), request::getHeader, request.getInputStream()), sink);
    if (sink.aborted) {
      // A committed response cannot be finished: the container then cuts the connection, so the
      // client sees the body incomplete rather than a response that looks whole.
      throw new IOException("diagnostics response aborted half-way");
    }
  }

  /** Writes to a servlet response; an unknown length is left to the container (chunked). */
  private static final class ResponseSink implements DiagnosticsResponseSink {
    private final HttpServletResponse response;
    boolean aborted;

    ResponseSink(HttpServletResponse response) {
      this.response = response;
    }

    @Override
    public OutputStream commit(int status, Map<String, String> headers, long contentLength) throws IOException {
      response.setStatus(status);
      headers.forEach(response::setHeader);
      if (contentLength >= 0) {
        response.setContentLengthLong(contentLength);
      }
      return response.getOutputStream();
    }

    @Override
    public void abort() {
      aborted = true;
    }
  }
}
