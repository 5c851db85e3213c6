/** Time sources injected into the SDK so that tests control time: {@link dev.skulk.diagnostics.time.Ticker}. */
@NullMarked
package dev.skulk.diagnostics.time;

import org.jspecify.annotations.NullMarked;
