/* A stand-in for mlx-c's memory functions (mlx/c/memory.h: int f(size_t* res), 0 on success),
 * for MlxMemoryCollectorTest. The peak getter fails, as it would after an MLX error. */
#include <stddef.h>

int mlx_get_active_memory(size_t *res) { *res = (size_t) 6442450944ULL; return 0; }
int mlx_get_cache_memory(size_t *res) { *res = (size_t) 1073741824ULL; return 0; }
int mlx_get_peak_memory(size_t *res) { (void) res; return 1; }
