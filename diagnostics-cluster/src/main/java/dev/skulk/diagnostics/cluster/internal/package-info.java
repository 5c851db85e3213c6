/** Helpers of the cluster view and the HTTP endpoint; not a stable API. */
@NullMarked
package dev.skulk.diagnostics.cluster.internal;

import org.jspecify.annotations.NullMarked;
