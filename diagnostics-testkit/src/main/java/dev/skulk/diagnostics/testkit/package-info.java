/**
 * Fakes and fixtures for testing code built on Skulk Diagnostics, and for the SDK's own tests:
 * {@link dev.skulk.diagnostics.testkit.DiagnosticsGenerators} (seeded, engine-neutral) for every model type, {@link
 * dev.skulk.diagnostics.testkit.SampleBundles}, {@link dev.skulk.diagnostics.testkit.InMemoryClusterState},
 * {@link dev.skulk.diagnostics.testkit.FakeCollector}, {@link dev.skulk.diagnostics.testkit.FakeSkulkPeer} (a loopback Skulk
 * node that serves given bundles or misbehaves on demand), {@link dev.skulk.diagnostics.testkit.TestClock},
 * {@link dev.skulk.diagnostics.testkit.TestTicker}, AssertJ assertions behind {@link
 * dev.skulk.diagnostics.testkit.DiagnosticsAssertions#assertThat}, and the {@link
 * dev.skulk.diagnostics.testkit.CollectorCompatibilityKit} every collector's test extends. JUnit 5,
 * and AssertJ are {@code provided}: bring your own versions.
 */
@NullMarked
package dev.skulk.diagnostics.testkit;

import org.jspecify.annotations.NullMarked;
