/**
 * Small helpers every module of the SDK shares, one implementation each: the SDK's daemon threads,
 * the bounded reader of bodies and documents, the warn-once log, the secret redactor for command
 * lines and URLs, and the runner of external programs ({@link
 * dev.skulk.diagnostics.support.ExternalCommand}).
 */
@NullMarked
package dev.skulk.diagnostics.support;

import org.jspecify.annotations.NullMarked;
