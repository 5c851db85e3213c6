package dev.skulk.diagnostics.server;

import java.net.URI;

/** The route kit on the SDK's own {@link DiagnosticsServer}. */
class DiagnosticsServerRoutesIT extends DiagnosticsRoutesKit {

  @Override
  protected URI serve(DiagnosticsRouter router) {
    DiagnosticsServer server = closing(DiagnosticsServer.builder().router(router).build().start());
    return URI.create("http://127.0.0.1:" + server.port());
  }
}
