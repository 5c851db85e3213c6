/* A stand-in for libnvidia-ml with two GPUs, for NvmlAcceleratorCollectorTest. Signatures as in
 * NVIDIA's nvml.h; GPU 1 does not support power readings (NVML_ERROR_NOT_SUPPORTED = 3). */
#include <string.h>

typedef struct { unsigned int gpu; unsigned int memory; } nvmlUtilization_t;
typedef struct { unsigned long long total; unsigned long long free; unsigned long long used; } nvmlMemory_t;

static int initialised = 0;

static int index_of(void *device) { return (int) ((long) device - 0x1000); }

int nvmlInit_v2(void) { initialised = 1; return 0; }

int nvmlDeviceGetCount_v2(unsigned int *count) {
  if (!initialised) return 1; /* NVML_ERROR_UNINITIALIZED */
  *count = 2;
  return 0;
}

int nvmlDeviceGetHandleByIndex_v2(unsigned int index, void **device) {
  if (index >= 2) return 2; /* NVML_ERROR_INVALID_ARGUMENT */
  *device = (void *) (long) (0x1000 + index);
  return 0;
}

int nvmlDeviceGetName(void *device, char *name, unsigned int length) {
  const char *product = "NVIDIA H100 80GB HBM3";
  if (length < strlen(product) + 1) return 7; /* NVML_ERROR_INSUFFICIENT_SIZE */
  strcpy(name, product);
  return 0;
}

int nvmlDeviceGetUtilizationRates(void *device, nvmlUtilization_t *utilization) {
  utilization->gpu = index_of(device) == 0 ? 30 : 51;
  utilization->memory = 10;
  return 0;
}

int nvmlDeviceGetMemoryInfo(void *device, nvmlMemory_t *memory) {
  memory->total = 85899345920ULL;
  memory->used = index_of(device) == 0 ? 1048576ULL : 42949672960ULL;
  memory->free = memory->total - memory->used;
  return 0;
}

int nvmlDeviceGetPowerUsage(void *device, unsigned int *milliwatts) {
  if (index_of(device) == 1) return 3; /* NVML_ERROR_NOT_SUPPORTED */
  *milliwatts = 69540;
  return 0;
}

int nvmlDeviceGetTemperature(void *device, int sensor, unsigned int *celsius) {
  if (sensor != 0) return 2;
  *celsius = index_of(device) == 0 ? 33 : 41;
  return 0;
}

int nvmlDeviceGetClockInfo(void *device, int type, unsigned int *mhz) {
  if (type != 1) return 2; /* only NVML_CLOCK_SM */
  *mhz = index_of(device) == 0 ? 1980 : 345;
  return 0;
}
