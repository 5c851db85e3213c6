/**
 * Skulk's diagnostics HTTP API: the framework-neutral {@link
 * dev.skulk.diagnostics.server.DiagnosticsRouter} (every route, status and error envelope), the
 * SDK's own hardened HTTP/1.1 server {@link dev.skulk.diagnostics.server.DiagnosticsServer}, and
 * {@link dev.skulk.diagnostics.server.DiagnosticsHttpHandler}, the adapter for a host's JDK {@code
 * HttpServer} (a Jakarta Servlet adapter is in {@code diagnostics-servlet}).
 */
@NullMarked
package dev.skulk.diagnostics.server;

import org.jspecify.annotations.NullMarked;
