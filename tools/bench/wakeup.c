/*
 * certgate bench wake-up probe: how late this machine wakes a process that waits on a
 * timer, while a paced run loads it. It sleeps until the next whole millisecond, over
 * and over, at normal priority (as the servers run), and measures how late each wake-up
 * came. An event-loop server waiting for its next request is woken the same way, and a
 * request through certgate needs several such wake-ups in a row (client, ingress, NATS,
 * runtime, NATS, ingress), so this is a floor under any request's lateness.
 *
 *   wakeup --seconds 5
 *
 * Prints one JSON line: wakeups, p50/p99/p999/max lateness (µs).
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
  double seconds = 5;
  for (int i = 1; i + 1 < argc; i++)
    if (!strcmp(argv[i], "--seconds")) seconds = atof(argv[++i]);
  size_t cap = (size_t)(seconds * 1000) + 16, n = 0;
  double *late_us = malloc(cap * sizeof *late_us);
  struct timespec due, now;
  clock_gettime(CLOCK_MONOTONIC, &due);
  double end = due.tv_sec + due.tv_nsec / 1e9 + seconds;
  while (n < cap) {
    due.tv_nsec += 1000000;
    if (due.tv_nsec >= 1000000000) due.tv_nsec -= 1000000000, due.tv_sec++;
    clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &due, NULL);
    clock_gettime(CLOCK_MONOTONIC, &now);
    double late = (now.tv_sec - due.tv_sec) * 1e6 + (now.tv_nsec - due.tv_nsec) / 1e3;
    late_us[n++] = late;
    /* A wake-up that came late restarts the schedule from now: one stall is counted once, not as a queue of missed ticks. */
    if (late > 1000) due = now;
    if (now.tv_sec + now.tv_nsec / 1e9 >= end) break;
  }
  qsort(late_us, n, sizeof *late_us, cmp_double);
#define PCT(p) (n ? late_us[(size_t)((n - 1) * (p))] : 0)
  printf("{\"wakeups\":%zu,\"p50_us\":%.0f,\"p99_us\":%.0f,\"p999_us\":%.0f,\"max_us\":%.0f}\n", n, PCT(0.5), PCT(0.99), PCT(0.999), n ? late_us[n - 1] : 0);
  free(late_us);
  return 0;
}
