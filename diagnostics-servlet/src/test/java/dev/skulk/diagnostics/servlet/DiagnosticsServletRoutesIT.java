package dev.skulk.diagnostics.servlet;

import dev.skulk.diagnostics.server.DiagnosticsRouter;
import dev.skulk.diagnostics.server.DiagnosticsRoutesKit;
import java.net.URI;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The same route kit as the JDK adapters', on an embedded Jetty 12 (ee10) through {@link DiagnosticsServlet}. */
class DiagnosticsServletRoutesIT extends DiagnosticsRoutesKit {

  @Override
  protected URI serve(DiagnosticsRouter router) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(new DiagnosticsServlet(router)), "/*");
    server.setHandler(context);
    server.start();
    closing(server::stop);
    return URI.create("http://127.0.0.1:" + connector.getLocalPort());
  }
}
