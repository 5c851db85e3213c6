/**
 * Test support for hosts of the diagnostics SDK and for its own tests: arbitraries for every model
 * type, sample bundles, fakes of collectors, state, clocks and tickers, assertions, and the
 * compatibility kit every collector test extends. JUnit, jqwik and AssertJ are {@code provided}
 * dependencies: bring your own versions.
 */
@NullMarked
package dev.skulk.diagnostics.testkit;

import org.jspecify.annotations.NullMarked;
