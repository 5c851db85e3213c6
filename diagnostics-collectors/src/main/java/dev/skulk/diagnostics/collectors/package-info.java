/**
 * The default {@link dev.skulk.diagnostics.spi.Collector collectors}, registered through {@link
 * java.util.ServiceLoader}: memory, wired memory, disk, network, accelerator and system profile
 * (NVML, {@code nvidia-smi}, amdgpu sysfs, {@code mactop}, CPU), processes, runtime, identity and
 * MLX memory. Each one states the platforms it supports and is unavailable, never failing,
 * elsewhere.
 *
 * <p>The platform parsers are package-private static functions of recorded tool output; the code
 * that runs a tool or loads a native library is kept thin.
 */
@NullMarked
package dev.skulk.diagnostics.collectors;

import org.jspecify.annotations.NullMarked;
