/**
 * The embedded, read-only HTTP endpoint that serves a node's diagnostics, the cluster view, its
 * timeline and captures, on the JDK's own {@code com.sun.net.httpserver} ({@link
 * dev.skulk.diagnostics.server.DiagnosticsServer}), or mounted in a host's server ({@link
 * dev.skulk.diagnostics.server.DiagnosticsHttpHandler}).
 */
@NullMarked
package dev.skulk.diagnostics.server;

import org.jspecify.annotations.NullMarked;
