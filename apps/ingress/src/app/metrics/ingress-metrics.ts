import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram } from 'prom-client';
import { OpsServer } from '@certgate/platform';

export type RuntimeOutcome = 'ok' | 'unavailable' | 'timeout' | 'error';
const RUNTIME_OUTCOMES: readonly RuntimeOutcome[] = ['ok', 'unavailable', 'timeout', 'error'];
const STATUS_CLASSES = ['1xx', '2xx', '3xx', '4xx', '5xx'] as const;

/** The ingress' series on the ops server's /metrics. */
@Injectable()
export class IngressMetrics {
  private readonly requests: Counter<'status_class'>;
  private readonly byClass: Map<string, Counter.Internal>;
  private readonly runtimeLatency: Histogram<'outcome'>;
  private readonly byOutcome: Map<RuntimeOutcome, Histogram.Internal<'outcome'>>;
  private readonly roots: Gauge<'source'>;
  private readonly contextSwaps: Counter;
  private readonly fullHandshakes: Counter.Internal;
  private readonly resumedHandshakes: Counter.Internal;
  private readonly chainsRefused: Counter<'engine' | 'reason'>;
  private readonly forwarded: Counter<'verdict'>;
  private readonly admittedUnder: Counter<'root' | 'policy'>;
  private readonly crlFetchFailures: Counter<'origin'>;

  constructor(ops: OpsServer) {
    const registers = [ops.registry];
    this.requests = new Counter({
      name: 'certgate_ingress_requests_total',
      help: 'HTTP requests answered by the ingress, by status class',
      labelNames: ['status_class'],
      registers,
    });
    // Bound once: the hot path then skips the label lookup.
    this.byClass = new Map(STATUS_CLASSES.map((c) => [c, this.requests.labels(c)]));
    this.runtimeLatency = new Histogram({
      name: 'certgate_ingress_runtime_request_duration_seconds',
      help: 'Time from sending a request envelope to the flow runtime until its reply (or the failure)',
      labelNames: ['outcome'],
      buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.byOutcome = new Map(RUNTIME_OUTCOMES.map((o) => [o, this.runtimeLatency.labels(o)]));
    this.roots = new Gauge({
      name: 'certgate_ingress_trusted_client_roots',
      help: 'Trusted client root CA certificates in force, by source',
      labelNames: ['source'],
      registers,
    });
    this.contextSwaps = new Counter({
      name: 'certgate_ingress_secure_context_swaps_total',
      help: 'Times the TLS context was replaced live because the trusted client roots or the server certificate changed',
      registers,
    });
    const handshakes = new Counter({
      name: 'certgate_ingress_tls_handshakes_total',
      help: 'TLS connections established, by session: full (certificates exchanged) or resumed (a session ticket of this or another replica)',
      labelNames: ['session'],
      registers,
    });
    this.fullHandshakes = handshakes.labels('full');
    this.resumedHandshakes = handshakes.labels('resumed');
    this.chainsRefused = new Counter({
      name: 'certgate_ingress_client_chains_refused_total',
      help: 'Distinct client chains refused, by engine (openssl: by OpenSSL alone; policy: accepted by OpenSSL, refused by the certificate policy; both) and reason',
      labelNames: ['engine', 'reason'],
      registers,
    });
    this.forwarded = new Counter({
      name: 'certgate_ingress_forwarded_client_certificates_total',
      help: 'Distinct client chains a trusted proxy forwarded (RFC 9440 Client-Cert), by verdict',
      labelNames: ['verdict'],
      registers,
    });
    this.admittedUnder = new Counter({
      name: 'certgate_ingress_chains_admitted_under_relaxed_policy_total',
      help: "Distinct client chains admitted only because their root's policy allows it: policy allow-missing-eku (no extended key usage) or revocation-fail-open (no current CRL), by root fingerprint",
      labelNames: ['root', 'policy'],
      registers,
    });
    this.crlFetchFailures = new Counter({
      name: 'certgate_ingress_crl_fetch_failures_total',
      help: 'CRLs that could not be fetched or read, by origin (configured, distribution-point, file), and OCSP responders that could not be asked (ocsp)',
      labelNames: ['origin'],
      registers,
    });
  }

  admittedUnderRelaxedPolicy(root: string, policy: 'allow-missing-eku' | 'revocation-fail-open'): void {
    this.admittedUnder.labels(root, policy).inc();
  }

  crlFetchFailed(origin: string): void {
    this.crlFetchFailures.labels(origin).inc();
  }

  forwardedCertificate(verdict: 'verified' | 'rejected'): void {
    this.forwarded.labels(verdict).inc();
  }

  chainRefused(engine: 'openssl' | 'policy' | 'both', reason: string): void {
    this.chainsRefused.labels(engine, reason).inc();
  }

  requestAnswered(status: number): void {
    (this.byClass.get(`${Math.floor(status / 100)}xx`) ?? this.requests.labels('5xx')).inc();
  }

  runtimeCall(outcome: RuntimeOutcome, seconds: number): void {
    (this.byOutcome.get(outcome) ?? this.runtimeLatency.labels(outcome)).observe(seconds);
  }

  trustedRoots(bySource: Record<string, number>): void {
    for (const [source, n] of Object.entries(bySource)) this.roots.labels(source).set(n);
  }

  tlsHandshake(resumed: boolean): void {
    (resumed ? this.resumedHandshakes : this.fullHandshakes).inc();
  }

  secureContextSwapped(): void {
    this.contextSwaps.inc();
  }
}
