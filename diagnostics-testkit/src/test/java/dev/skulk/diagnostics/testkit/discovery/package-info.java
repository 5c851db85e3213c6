/** Collectors listed in the test ServiceLoader file, for the discovery tests. */
@NullMarked
package dev.skulk.diagnostics.testkit.discovery;

import org.jspecify.annotations.NullMarked;
