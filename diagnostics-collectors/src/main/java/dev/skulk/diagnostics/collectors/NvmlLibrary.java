package dev.skulk.diagnostics.collectors;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A minimal JNA binding to NVIDIA's management library ({@code libnvidia-ml}): only the calls the
 * accelerator reading needs, looked up by name (no interface proxy), each checked for {@code
 * NVML_SUCCESS}. NVML is initialised once ({@code nvmlInit_v2}) when the binding is opened and
 * stays initialised for the life of the process, as NVML recommends for monitoring tools. NVML
 * calls are thread-safe.
 */
final class NvmlLibrary {

  static final int NVML_SUCCESS = 0;
  static final int NVML_TEMPERATURE_GPU = 0;
  static final int NVML_CLOCK_SM = 1;
  private static final int NAME_BUFFER = 96; // NVML_DEVICE_NAME_V2_BUFFER_SIZE

  private final Function getCount;
  private final Function getHandle;
  private final Function getName;
  private final Function getUtilization;
  private final Function getMemoryInfo;
  private final Function getPowerUsage;
  private final Function getTemperature;
  private final Function getClockInfo;

  private NvmlLibrary(NativeLibrary library) {
    this.getCount = library.getFunction("nvmlDeviceGetCount_v2");
    this.getHandle = library.getFunction("nvmlDeviceGetHandleByIndex_v2");
    this.getName = library.getFunction("nvmlDeviceGetName");
    this.getUtilization = library.getFunction("nvmlDeviceGetUtilizationRates");
    this.getMemoryInfo = library.getFunction("nvmlDeviceGetMemoryInfo");
    this.getPowerUsage = library.getFunction("nvmlDeviceGetPowerUsage");
    this.getTemperature = library.getFunction("nvmlDeviceGetTemperature");
    this.getClockInfo = library.getFunction("nvmlDeviceGetClockInfo");
  }

  /**
   * Loads the library ({@code nvidia-ml}, then {@code libnvidia-ml.so.1} on Linux, {@code nvml} on
   * Windows; or exactly {@code path} when given) and initialises NVML.
   *
   * @throws UnsatisfiedLinkError when no library loads or a symbol is missing
   * @throws IllegalStateException when {@code nvmlInit_v2} fails (no driver, no permission)
   */
  static NvmlLibrary open(@Nullable String path, OsFamily os) {
    NativeLibrary library = load(path, os);
    NvmlLibrary nvml = new NvmlLibrary(library);
    int rc = library.getFunction("nvmlInit_v2").invokeInt(new Object[0]);
    if (rc != NVML_SUCCESS) {
      throw new IllegalStateException("nvmlInit_v2 returned " + rc);
    }
    return nvml;
  }

  private static NativeLibrary load(@Nullable String path, OsFamily os) {
    if (path != null) {
      return NativeLibrary.getInstance(path);
    }
    List<String> names = new ArrayList<>();
    if (os == OsFamily.WINDOWS) {
      names.add("nvml");
    } else {
      names.add("nvidia-ml");
      names.add("libnvidia-ml.so.1");
    }
    UnsatisfiedLinkError last = null;
    for (String name : names) {
      try {
        return NativeLibrary.getInstance(name);
      } catch (UnsatisfiedLinkError e) {
        last = e;
      }
    }
    throw last != null ? last : new UnsatisfiedLinkError("no NVML library name to try");
  }

  /** The number of GPUs NVML sees. */
  int deviceCount() {
    Memory count = new Memory(4);
    count.setInt(0, 0);
    int rc = getCount.invokeInt(new Object[] {count});
    if (rc != NVML_SUCCESS) {
      throw new IllegalStateException("nvmlDeviceGetCount_v2 returned " + rc);
    }
    return count.getInt(0);
  }

  /** One GPU's reading; a figure whose call does not succeed (not supported, ...) is null. */
  GpuSample sample(int index) {
    Memory handleOut = new Memory(Native.POINTER_SIZE);
    int rc = getHandle.invokeInt(new Object[] {index, handleOut});
    if (rc != NVML_SUCCESS) {
      throw new IllegalStateException("nvmlDeviceGetHandleByIndex_v2(" + index + ") returned " + rc);
    }
    Pointer device = handleOut.getPointer(0);

    String name = "Unknown";
    Memory nameBuffer = new Memory(NAME_BUFFER);
    nameBuffer.clear();
    if (getName.invokeInt(new Object[] {device, nameBuffer, NAME_BUFFER}) == NVML_SUCCESS) {
      name = nameBuffer.getString(0, StandardCharsets.UTF_8.name());
    }

    Double utilization = null;
    Memory rates = new Memory(8); // nvmlUtilization_t { unsigned int gpu; unsigned int memory; }
    if (getUtilization.invokeInt(new Object[] {device, rates}) == NVML_SUCCESS) {
      utilization = (double) Integer.toUnsignedLong(rates.getInt(0));
    }

    Long memoryTotal = null;
    Long memoryUsed = null;
    Memory memory = new Memory(24); // nvmlMemory_t { unsigned long long total, free, used; }
    if (getMemoryInfo.invokeInt(new Object[] {device, memory}) == NVML_SUCCESS) {
      memoryTotal = memory.getLong(0);
      memoryUsed = memory.getLong(16);
    }

    Long milliwatts = unsignedInt(getPowerUsage, device);
    Long temperature = unsignedInt(getTemperature, device, NVML_TEMPERATURE_GPU);
    Long clock = unsignedInt(getClockInfo, device, NVML_CLOCK_SM);
    return new GpuSample(
        name,
        utilization,
        memoryTotal,
        memoryUsed,
        milliwatts == null ? null : milliwatts / 1000.0,
        temperature == null ? null : temperature.doubleValue(),
        clock == null ? null : (int) Math.min(Integer.MAX_VALUE, clock));
  }

  /** Calls {@code f(device, [argument,] unsigned int* out)}; null unless it succeeds. */
  private static @Nullable Long unsignedInt(Function f, Pointer device, int... argument) {
    Memory out = new Memory(4);
    out.setInt(0, 0);
    Object[] args =
        argument.length == 0 ? new Object[] {device, out} : new Object[] {device, argument[0], out};
    return f.invokeInt(args) == NVML_SUCCESS ? Integer.toUnsignedLong(out.getInt(0)) : null;
  }
}
