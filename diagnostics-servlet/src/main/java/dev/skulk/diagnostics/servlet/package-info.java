/**
 * Skulk's diagnostics HTTP API as a Jakarta Servlet ({@link
 * dev.skulk.diagnostics.servlet.DiagnosticsServlet}), to mount in a host's own servlet container.
 */
@NullMarked
package dev.skulk.diagnostics.servlet;

import org.jspecify.annotations.NullMarked;
