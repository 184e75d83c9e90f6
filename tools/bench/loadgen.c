/*
 * certgate bench load client: HTTPS with a client certificate on OpenSSL, event driven
 * (a few epoll threads, non-blocking sockets), so that it needs little CPU and few
 * context switches of its own on a small machine where it shares the cores with the
 * server under test. HTTP/1.1, one request at a time per connection.
 *
 *   loadgen --host 127.0.0.1 --port 8443[,8444...] --path /health --ca ca.pem --cert chain.pem
 *           --key key.pem --connections 50 --seconds 10 [--threads 2] [--handshake [--resume]] [--rate N]
 *           [--method POST] [--body BYTES]
 *
 * --handshake: a new TLS connection (full handshake, no session resumption) per
 * request. --resume: the same, but each connection offers the session (ticket) its
 * slot got on the connection before, as a sender that reconnects per message does. --rate: total requests per second, paced per connection (0 = as fast as
 * possible); latency is measured from the scheduled send time, so a slow server
 * cannot hide queueing (no coordinated omission).
 * --threads: event loops (default 2, the cores of the machine this was written on).
 * --port with several ports: connection slot i goes to port i mod n (replicas of one
 * server; --ca may hold all their roots); with --alternate each new connection of a slot
 * goes to the next port, so a resumed session is offered to another replica than the one
 * that issued it. --body: each request carries that many bytes.
 * Prints one JSON line: requests, errors, non2xx, seconds, rps, p50/p90/p99/max (µs),
 * connects (TCP connections opened), resumed (of those, sessions the server resumed) and cpu_us (this client's own CPU time while timing).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static const char *host = "127.0.0.1", *path = "/", *ca, *cert, *key, *method = "GET";
static int ports[16] = {8443}, nports = 1, alternate = 0, connections = 10, threads = 2, handshake_mode = 0, resume_mode = 0;
static double seconds = 5, rate = 0;
static SSL_CTX *ctx;
static long dials;   /* TCP connections opened, for the report */
static long resumed; /* of those, the sessions the server resumed */
static pthread_barrier_t start_line;
static char *request;
static int request_len, body_bytes;

enum phase { IDLE, CONNECTING, HANDSHAKE, SENDING, RECEIVING };

typedef struct {
  int fd;
  SSL *ssl;
  SSL_SESSION *session; /* --resume: the session of this slot's last connection */
  int port;
  enum phase phase;
  double due;     /* scheduled start of the next request (paced), or 0 */
  double t0;      /* start of the request being timed */
  int sent;       /* bytes of the request written */
  char buf[16384];
  int have;       /* bytes of the response read */
  uint32_t interest;
} conn_t;

typedef struct {
  conn_t *conns;
  int n;
  uint32_t *lat_us;
  size_t count, cap;
  long errors, non2xx;
  double cpu_us; /* of the timed part */
} worker_t;

static double thread_cpu_us(void) {
  struct rusage ru;
  getrusage(RUSAGE_THREAD, &ru);
  return ru.ru_utime.tv_sec * 1e6 + ru.ru_utime.tv_usec + ru.ru_stime.tv_sec * 1e6 + ru.ru_stime.tv_usec;
}

static double now_s(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

static void record(worker_t *w, double us) {
  if (w->count == w->cap) {
    w->cap = w->cap ? w->cap * 2 : 8192;
    w->lat_us = realloc(w->lat_us, w->cap * sizeof *w->lat_us);
  }
  w->lat_us[w->count++] = us > 4e9 ? 4000000000u : (uint32_t)us;
}

/* Sets what the connection waits for; a syscall only when that changes. */
static void watch(int ep, conn_t *c, uint32_t events, int op) {
  if (op == EPOLL_CTL_MOD && c->interest == events) return;
  struct epoll_event ev = {.events = events, .data.ptr = c};
  epoll_ctl(ep, op, c->fd, &ev);
  c->interest = events;
}

static void drop(int ep, conn_t *c) {
  if (c->fd >= 0) {
    epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
    if (c->ssl) SSL_free(c->ssl);
    close(c->fd);
  }
  c->fd = -1;
  c->ssl = NULL;
  c->phase = IDLE;
}

/* Starts a TCP connect; the TLS handshake follows once the socket is writable. */
static int dial(int ep, conn_t *c) {
  __sync_fetch_and_add(&dials, 1);
  if (alternate && c->session) {
    int i = 0;
    while (i < nports && ports[i] != c->port) i++;
    c->port = ports[(i + 1) % nports];
  }
  c->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (c->fd < 0) return -1;
  int one = 1;
  setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons(c->port)};
  inet_pton(AF_INET, host, &addr.sin_addr);
  if (connect(c->fd, (struct sockaddr *)&addr, sizeof addr) != 0 && errno != EINPROGRESS) {
    close(c->fd);
    c->fd = -1;
    return -1;
  }
  c->ssl = SSL_new(ctx);
  if (c->session) SSL_set_session(c->ssl, c->session);
  SSL_set_fd(c->ssl, c->fd);
  SSL_set_tlsext_host_name(c->ssl, "localhost");
  SSL_set_connect_state(c->ssl);
  c->phase = CONNECTING;
  watch(ep, c, EPOLLOUT, EPOLL_CTL_ADD);
  return 0;
}

/* What an SSL call that did not complete waits for; -1 on a real failure. */
static int wants(SSL *ssl, int r) {
  switch (SSL_get_error(ssl, r)) {
    case SSL_ERROR_WANT_READ: return EPOLLIN;
    case SSL_ERROR_WANT_WRITE: return EPOLLOUT;
    default: return -1;
  }
}

/* Status of a complete response in buf, 0 while incomplete, -1 when malformed. */
static int response_status(conn_t *c) {
  c->buf[c->have] = 0;
  char *end = strstr(c->buf, "\r\n\r\n");
  if (!end) return c->have >= (int)sizeof c->buf - 1 ? -1 : 0;
  char *cl = strcasestr(c->buf, "\r\ncontent-length:");
  long body = cl && cl < end ? strtol(cl + 17, NULL, 10) : 0;
  if ((end + 4 - c->buf) + body > c->have) return (end + 4 - c->buf) + body >= (long)sizeof c->buf ? -1 : 0;
  return atoi(c->buf + 9);
}

static void fail(worker_t *w, int ep, conn_t *c) {
  w->errors++;
  drop(ep, c);
}

/* Drives one connection as far as it can go without blocking. */
static void step(worker_t *w, int ep, conn_t *c, uint32_t events) {
  for (;;) {
    int r;
    switch (c->phase) {
      case IDLE:
        if (events && c->fd >= 0) {
          /* TLS 1.3 servers send session tickets after the handshake: read and forget them. A close
           * (or anything else) on an idle keep-alive connection: dial anew for the next request. */
          char scratch[512];
          r = SSL_read(c->ssl, scratch, sizeof scratch);
          if (r <= 0 && SSL_get_error(c->ssl, r) == SSL_ERROR_WANT_READ) return;
          drop(ep, c);
        }
        return;
      case CONNECTING: {
        int err = 0;
        socklen_t len = sizeof err;
        getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &len);
        if (err) return fail(w, ep, c);
        c->phase = HANDSHAKE;
        continue;
      }
      case HANDSHAKE:
        r = SSL_do_handshake(c->ssl);
        if (r != 1) {
          int want = wants(c->ssl, r);
          if (want < 0) return fail(w, ep, c);
          return watch(ep, c, (uint32_t)want, EPOLL_CTL_MOD);
        }
        if (c->t0 == 0) {
          /* Connected ahead of the clock (keep-alive runs): no request waits yet. */
          c->phase = IDLE;
          watch(ep, c, EPOLLIN, EPOLL_CTL_MOD);
          return;
        }
        c->phase = SENDING;
        c->sent = 0;
        c->have = 0;
        continue;
      case SENDING:
        r = SSL_write(c->ssl, request + c->sent, request_len - c->sent);
        if (r <= 0) {
          int want = wants(c->ssl, r);
          if (want < 0) return fail(w, ep, c);
          return watch(ep, c, (uint32_t)want, EPOLL_CTL_MOD);
        }
        c->sent += r;
        if (c->sent < request_len) continue;
        c->phase = RECEIVING;
        watch(ep, c, EPOLLIN, EPOLL_CTL_MOD);
        continue;
      case RECEIVING: {
        r = SSL_read(c->ssl, c->buf + c->have, (int)sizeof c->buf - 1 - c->have);
        if (r <= 0) {
          int want = wants(c->ssl, r);
          if (want < 0) return fail(w, ep, c);
          return watch(ep, c, (uint32_t)want, EPOLL_CTL_MOD);
        }
        c->have += r;
        int status = response_status(c);
        if (status == 0) continue;
        if (status < 0) return fail(w, ep, c);
        record(w, (now_s() - c->t0) * 1e6);
        if (status < 200 || status >= 300) w->non2xx++;
        if (handshake_mode) {
          if (resume_mode) {
            /* TLS 1.3 tickets came before the response, so the session now holds one. */
            if (SSL_session_reused(c->ssl)) __sync_fetch_and_add(&resumed, 1);
            if (c->session) SSL_SESSION_free(c->session);
            c->session = SSL_get1_session(c->ssl);
          }
          SSL_shutdown(c->ssl);
          drop(ep, c);
        } else {
          c->phase = IDLE;
        }
        return;
      }
    }
  }
}

/* Begins the next request of an idle connection (dialing first when it has none). */
static void begin(worker_t *w, int ep, conn_t *c, double now, double interval) {
  c->t0 = interval > 0 ? c->due : now;
  c->due += interval;
  if (c->fd < 0) {
    if (dial(ep, c) != 0) {
      w->errors++;
      return;
    }
    return;
  }
  c->phase = SENDING;
  c->sent = 0;
  c->have = 0;
  step(w, ep, c, 0);
}

static void *run(void *arg) {
  worker_t *w = arg;
  int ep = epoll_create1(0);
  double interval = rate > 0 ? connections / rate : 0;
  /* Keep-alive runs connect before the clock starts: only steady-state requests are timed. */
  if (!handshake_mode) {
    for (int i = 0; i < w->n; i++) {
      conn_t *c = &w->conns[i];
      c->t0 = 0;
      if (dial(ep, c) != 0) continue;
      while (c->phase != IDLE) {
        struct epoll_event ev;
        if (epoll_wait(ep, &ev, 1, 1000) <= 0) break;
        step(w, ep, ev.data.ptr, ev.events);
      }
    }
  }
  pthread_barrier_wait(&start_line);
  double cpu0 = thread_cpu_us();
  double start = now_s(), stop = start + seconds;
  for (int i = 0; i < w->n; i++) w->conns[i].due = interval > 0 ? start + interval * ((double)rand() / RAND_MAX) : 0;
  struct epoll_event events[256];
  for (;;) {
    double now = now_s();
    if (now >= stop) break;
    double next = stop;
    for (int i = 0; i < w->n; i++) {
      conn_t *c = &w->conns[i];
      if (c->phase != IDLE) continue;
      if (c->due <= now) begin(w, ep, c, now, interval);
      if (c->phase == IDLE && c->due < next) next = c->due;
    }
    /* Sleeps until the next request is due (µs precision: epoll_wait's ms would send early or late). */
    double wait = interval > 0 ? next - now_s() : 0.05;
    if (wait < 0) wait = 0;
    struct timespec timeout = {.tv_sec = (time_t)wait, .tv_nsec = (long)((wait - (time_t)wait) * 1e9)};
    int n = epoll_pwait2(ep, events, 256, &timeout, NULL);
    for (int i = 0; i < n; i++) step(w, ep, events[i].data.ptr, events[i].events);
  }
  w->cpu_us = thread_cpu_us() - cpu0;
  for (int i = 0; i < w->n; i++) drop(ep, &w->conns[i]);
  close(ep);
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
    else if (!strcmp(a, "--port")) {
      nports = 0;
      for (const char *p = v; *p && nports < 16; p = strchr(p, ',') ? strchr(p, ',') + 1 : "") ports[nports++] = atoi(p);
      i++;
    } else if (!strcmp(a, "--body")) body_bytes = atoi(v), i++;
    else if (!strcmp(a, "--path")) path = v, i++;
    else if (!strcmp(a, "--method")) method = v, i++;
    else if (!strcmp(a, "--ca")) ca = v, i++;
    else if (!strcmp(a, "--cert")) cert = v, i++;
    else if (!strcmp(a, "--key")) key = v, i++;
    else if (!strcmp(a, "--connections")) connections = atoi(v), i++;
    else if (!strcmp(a, "--threads")) threads = atoi(v), i++;
    else if (!strcmp(a, "--seconds")) seconds = atof(v), i++;
    else if (!strcmp(a, "--rate")) rate = atof(v), i++;
    else if (!strcmp(a, "--handshake")) handshake_mode = 1;
    else if (!strcmp(a, "--resume")) resume_mode = 1;
    else if (!strcmp(a, "--alternate")) alternate = 1;
    else {
      fprintf(stderr, "unknown option %s\n", a);
      return 2;
    }
  }
  if (threads < 1) threads = 1;
  if (threads > connections) threads = connections;
  ctx = SSL_CTX_new(TLS_client_method());
  /* Sessions are kept by hand, per connection slot (--resume); without it none is offered. */
  SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF);
  if (!resume_mode) SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET);
  if (ca && SSL_CTX_load_verify_locations(ctx, ca, NULL) != 1) return fprintf(stderr, "cannot load CA %s\n", ca), 2;
  SSL_CTX_set_verify(ctx, ca ? SSL_VERIFY_PEER : SSL_VERIFY_NONE, NULL);
  if (cert && SSL_CTX_use_certificate_chain_file(ctx, cert) != 1) return fprintf(stderr, "cannot load certificate %s\n", cert), 2;
  if (key && SSL_CTX_use_PrivateKey_file(ctx, key, SSL_FILETYPE_PEM) != 1) return fprintf(stderr, "cannot load key %s\n", key), 2;
  request = malloc(1024 + (size_t)body_bytes);
  request_len = snprintf(request, 1024, "%s %s HTTP/1.1\r\nHost: localhost\r\nContent-Length: %d\r\n\r\n", method, path, body_bytes);
  memset(request + request_len, 'x', (size_t)body_bytes);
  request_len += body_bytes;

  pthread_t *tids = calloc((size_t)threads, sizeof *tids);
  worker_t *workers = calloc((size_t)threads, sizeof *workers);
  conn_t *conns = calloc((size_t)connections, sizeof *conns);
  for (int i = 0; i < connections; i++) conns[i].fd = -1, conns[i].port = ports[i % nports];
  for (int t = 0, first = 0; t < threads; t++) {
    int n = connections / threads + (t < connections % threads);
    workers[t].conns = conns + first;
    workers[t].n = n;
    first += n;
  }
  pthread_barrier_init(&start_line, NULL, (unsigned)threads + 1);
  for (int t = 0; t < threads; t++) pthread_create(&tids[t], NULL, run, &workers[t]);
  pthread_barrier_wait(&start_line);
  double t0 = now_s();
  for (int t = 0; t < threads; t++) pthread_join(tids[t], NULL);
  double elapsed = now_s() - t0;

  size_t total = 0;
  long errors = 0, non2xx = 0;
  for (int t = 0; t < threads; t++) total += workers[t].count, errors += workers[t].errors, non2xx += workers[t].non2xx;
  uint32_t *all = malloc((total ? total : 1) * sizeof *all);
  size_t k = 0;
  for (int t = 0; t < threads; t++) memcpy(all + k, workers[t].lat_us, workers[t].count * sizeof *all), k += workers[t].count;
  qsort(all, total, sizeof *all, cmp_u32);
  double cpu_us = 0;
  for (int t = 0; t < threads; t++) cpu_us += workers[t].cpu_us;
#define PCT(p) (total ? all[(size_t)((total - 1) * (p))] : 0)
  printf("{\"requests\":%zu,\"errors\":%ld,\"non2xx\":%ld,\"seconds\":%.3f,\"rps\":%.1f,\"p50_us\":%u,\"p90_us\":%u,\"p99_us\":%u,\"max_us\":%u,\"connects\":%ld,\"resumed\":%ld,\"cpu_us\":%.0f}\n",
         total, errors, non2xx, elapsed, total / elapsed, PCT(0.5), PCT(0.9), PCT(0.99), total ? all[total - 1] : 0, dials, resumed, cpu_us);
  return 0;
}
