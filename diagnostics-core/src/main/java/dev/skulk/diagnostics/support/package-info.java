/**
 * Small helpers every module of the SDK shares, one implementation each: the SDK's daemon threads,
 * the bounded reader of bodies and documents, and the warn-once log.
 */
@NullMarked
package dev.skulk.diagnostics.support;

import org.jspecify.annotations.NullMarked;
