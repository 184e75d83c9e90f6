/*
 * certgate bench load client: HTTPS with a client certificate, on OpenSSL and
 * threads, so that it does not run out of CPU before the server does (a Node
 * client would). One thread per connection, blocking I/O, HTTP/1.1.
 *
 *   loadgen --host 127.0.0.1 --port 8443 --path /health --ca ca.pem --cert chain.pem
 *           --key key.pem --connections 50 --seconds 10 [--handshake] [--rate N]
 *
 * --handshake: a new TLS connection (full handshake, no session resumption) per
 * request. --rate: total requests per second, paced per thread (0 = as fast as
 * possible); latency is measured from the scheduled send time, so a slow server
 * cannot hide queueing (no coordinated omission).
 * Prints one JSON line: requests, errors, non2xx, seconds, rps, p50/p90/p99/max (µs).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static const char *host = "127.0.0.1", *path = "/", *ca, *cert, *key, *method = "GET";
static int port = 8443, connections = 10, handshake_mode = 0;
static double seconds = 5, rate = 0;
static SSL_CTX *ctx;
static pthread_barrier_t start_line;
static char request[1024];
static size_t request_len;

typedef struct {
  uint32_t *lat_us;
  size_t n, cap;
  long errors, non2xx;
} stats_t;

static double now_s(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

static void record(stats_t *s, double us) {
  if (s->n == s->cap) {
    s->cap = s->cap ? s->cap * 2 : 4096;
    s->lat_us = realloc(s->lat_us, s->cap * sizeof *s->lat_us);
  }
  s->lat_us[s->n++] = us > 4e9 ? 4000000000u : (uint32_t)us;
}

static SSL *open_tls(void) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons(port)};
  inet_pton(AF_INET, host, &addr.sin_addr);
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  if (connect(fd, (struct sockaddr *)&addr, sizeof addr) != 0) {
    close(fd);
    return NULL;
  }
  SSL *ssl = SSL_new(ctx);
  SSL_set_fd(ssl, fd);
  SSL_set_tlsext_host_name(ssl, "localhost");
  if (SSL_connect(ssl) != 1) {
    SSL_free(ssl);
    close(fd);
    return NULL;
  }
  return ssl;
}

static void close_tls(SSL *ssl) {
  int fd = SSL_get_fd(ssl);
  SSL_shutdown(ssl);
  SSL_free(ssl);
  close(fd);
}

/* Sends the request and reads one response (Content-Length bodies). Returns the status or -1. */
static int exchange(SSL *ssl) {
  if (SSL_write(ssl, request, (int)request_len) <= 0) return -1;
  char buf[16384];
  size_t have = 0;
  char *end = NULL;
  while (!end) {
    int r = SSL_read(ssl, buf + have, (int)(sizeof buf - 1 - have));
    if (r <= 0) return -1;
    have += (size_t)r;
    buf[have] = 0;
    end = strstr(buf, "\r\n\r\n");
    if (!end && have >= sizeof buf - 1) return -1;
  }
  int status = atoi(buf + 9);
  char *cl = strcasestr(buf, "\r\ncontent-length:");
  long body = cl ? strtol(cl + 17, NULL, 10) : 0;
  long got = (long)(have - (size_t)(end + 4 - buf));
  while (got < body) {
    int r = SSL_read(ssl, buf, (int)(sizeof buf < (size_t)(body - got) ? sizeof buf : (size_t)(body - got)));
    if (r <= 0) return -1;
    got += r;
  }
  return status;
}

static void *worker(void *arg) {
  stats_t *s = arg;
  /* Keep-alive runs connect before the clock starts: only steady-state requests are timed. */
  SSL *ssl = handshake_mode ? NULL : open_tls();
  pthread_barrier_wait(&start_line);
  double start = now_s(), stop = start + seconds;
  double interval = rate > 0 ? connections / rate : 0, next = start + interval * ((double)rand() / RAND_MAX);
  while (now_s() < stop) {
    if (interval > 0) {
      double wait = next - now_s();
      if (wait > 0) usleep((useconds_t)(wait * 1e6));
    }
    double t0 = interval > 0 ? next : now_s();
    next += interval;
    if (!ssl) ssl = open_tls();
    int status = ssl ? exchange(ssl) : -1;
    if (status < 0) {
      s->errors++;
      if (ssl) close_tls(ssl);
      ssl = NULL;
      continue;
    }
    record(s, (now_s() - t0) * 1e6);
    if (status < 200 || status >= 300) s->non2xx++;
    if (handshake_mode) {
      close_tls(ssl);
      ssl = NULL;
    }
  }
  if (ssl) close_tls(ssl);
  return NULL;
}

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : "";
    if (!strcmp(a, "--host")) host = v, i++;
    else if (!strcmp(a, "--port")) port = atoi(v), i++;
    else if (!strcmp(a, "--path")) path = v, i++;
    else if (!strcmp(a, "--method")) method = v, i++;
    else if (!strcmp(a, "--ca")) ca = v, i++;
    else if (!strcmp(a, "--cert")) cert = v, i++;
    else if (!strcmp(a, "--key")) key = v, i++;
    else if (!strcmp(a, "--connections")) connections = atoi(v), i++;
    else if (!strcmp(a, "--seconds")) seconds = atof(v), i++;
    else if (!strcmp(a, "--rate")) rate = atof(v), i++;
    else if (!strcmp(a, "--handshake")) handshake_mode = 1;
    else {
      fprintf(stderr, "unknown option %s\n", a);
      return 2;
    }
  }
  ctx = SSL_CTX_new(TLS_client_method());
  SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF);
  SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET);
  if (ca && SSL_CTX_load_verify_locations(ctx, ca, NULL) != 1) return fprintf(stderr, "cannot load CA %s\n", ca), 2;
  SSL_CTX_set_verify(ctx, ca ? SSL_VERIFY_PEER : SSL_VERIFY_NONE, NULL);
  if (cert && SSL_CTX_use_certificate_chain_file(ctx, cert) != 1) return fprintf(stderr, "cannot load certificate %s\n", cert), 2;
  if (key && SSL_CTX_use_PrivateKey_file(ctx, key, SSL_FILETYPE_PEM) != 1) return fprintf(stderr, "cannot load key %s\n", key), 2;
  request_len = (size_t)snprintf(request, sizeof request, "%s %s HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n", method, path);

  pthread_t *threads = calloc((size_t)connections, sizeof *threads);
  stats_t *stats = calloc((size_t)connections, sizeof *stats);
  pthread_barrier_init(&start_line, NULL, (unsigned)connections + 1);
  for (int i = 0; i < connections; i++) pthread_create(&threads[i], NULL, worker, &stats[i]);
  pthread_barrier_wait(&start_line);
  double t0 = now_s();
  for (int i = 0; i < connections; i++) pthread_join(threads[i], NULL);
  double elapsed = now_s() - t0;

  size_t total = 0;
  long errors = 0, non2xx = 0;
  for (int i = 0; i < connections; i++) total += stats[i].n, errors += stats[i].errors, non2xx += stats[i].non2xx;
  uint32_t *all = malloc((total ? total : 1) * sizeof *all);
  size_t k = 0;
  for (int i = 0; i < connections; i++) memcpy(all + k, stats[i].lat_us, stats[i].n * sizeof *all), k += stats[i].n;
  qsort(all, total, sizeof *all, cmp_u32);
#define PCT(p) (total ? all[(size_t)((total - 1) * (p))] : 0)
  printf("{\"requests\":%zu,\"errors\":%ld,\"non2xx\":%ld,\"seconds\":%.3f,\"rps\":%.1f,\"p50_us\":%u,\"p90_us\":%u,\"p99_us\":%u,\"max_us\":%u}\n",
         total, errors, non2xx, elapsed, total / elapsed, PCT(0.5), PCT(0.9), PCT(0.99), total ? all[total - 1] : 0);
  return 0;
}
