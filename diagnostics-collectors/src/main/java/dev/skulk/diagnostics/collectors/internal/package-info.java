/**
 * Helpers shared by the default collectors. Not a stable API: public only so that the collectors
 * and this SDK's other modules can reach them; they may change in any release.
 */
@NullMarked
package dev.skulk.diagnostics.collectors.internal;

import org.jspecify.annotations.NullMarked;
