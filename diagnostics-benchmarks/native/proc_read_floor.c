/*
 * The kernel's floor for reading /proc per process, without the JVM: how long one pass over every
 * process takes when each /proc/<pid>/<file> is opened, read and closed ("open" mode), and when the
 * files are opened once and re-read with pread ("kept" mode), which is what LinuxProcTable does.
 * Build and run (from the repository root):
 *   gcc -O2 -o /tmp/proc_read_floor diagnostics-benchmarks/native/proc_read_floor.c
 *   /tmp/proc_read_floor open stat 500; /tmp/proc_read_floor kept stat 500; /tmp/proc_read_floor kept cmdline 500
 * Prints the minimum and median time of one pass and the minimum per file.
 */
#include <ctype.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: %s open|kept FILE ITERATIONS\n", argv[0]);
    return 2;
  }
  int kept = strcmp(argv[1], "kept") == 0;
  const char *file = argv[2];
  int iterations = atoi(argv[3]);
  double *times = malloc(sizeof(double) * iterations);
  static char buf[65536];
  static int fds[8192];
  char path[300];
  int files = 0;
  if (kept) {
    DIR *d = opendir("/proc");
    struct dirent *e;
    while ((e = readdir(d)) && files < 8192) {
      if (!isdigit((unsigned char)e->d_name[0])) continue;
      snprintf(path, sizeof path, "/proc/%s/%s", e->d_name, file);
      int fd = open(path, O_RDONLY);
      if (fd >= 0) fds[files++] = fd;
    }
    closedir(d);
  }
  for (int i = 0; i < iterations; i++) {
    double t0 = now_ms();
    if (kept) {
      for (int k = 0; k < files; k++) pread(fds[k], buf, sizeof buf, 0);
    } else {
      files = 0;
      DIR *d = opendir("/proc");
      struct dirent *e;
      while ((e = readdir(d))) {
        if (!isdigit((unsigned char)e->d_name[0])) continue;
        snprintf(path, sizeof path, "/proc/%s/%s", e->d_name, file);
        int fd = open(path, O_RDONLY);
        if (fd < 0) continue;
        read(fd, buf, sizeof buf);
        close(fd);
        files++;
      }
      closedir(d);
    }
    times[i] = now_ms() - t0;
  }
  qsort(times, iterations, sizeof(double), by_value);
  printf("%s %s: files=%d min=%.4f ms median=%.4f ms per-file-min=%.2f us\n", argv[1], file, files, times[0],
         times[iterations / 2], files ? times[0] * 1000 / files : 0.0);
  return 0;
}
