// Run by `npm run bench` (tools/bench/scan-bench.ts) in a process of its own, with
// --expose-gc, so that its peak RSS is the scan's alone. It times the keystore's own
// scan code, imported from the app: the one edge from tools into an app that lint allows.
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { Registry } from 'prom-client';
import { CERTIFICATE_SOURCES, type CertificateAlert } from '@certgate/contracts';
import { encodeJson } from '@certgate/messaging';
import type { OpsServer } from '@certgate/platform';
import { generateKeyPair, issueCertificate } from '@certgate/x509';
import { serverChainCertificates } from '../../apps/keystore/src/app/alerts/inventory/certificate-sources';
import { inventoryView } from '../../apps/keystore/src/app/alerts/inventory/inventory-view';
import type { CertificateInventory } from '../../apps/keystore/src/app/alerts/inventory/certificate-inventory';
import type { TrackedCertificate } from '../../apps/keystore/src/app/alerts/inventory/tracked-certificate';
import { AlertMetrics } from '../../apps/keystore/src/app/alerts/metrics/alert-metrics';
import { scanCertificates, type RaisedMarker } from '../../apps/keystore/src/app/alerts/raising/scan-certificates';
import { DAY_MS } from '../../apps/keystore/src/app/alerts/thresholds';

const COUNT = Number(process.env.BENCH_SCAN_CERTIFICATES ?? 100_000);
const THRESHOLDS = [30, 14, 7, 1];
const MB = 1024 * 1024;

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

interface Memory {
  rss: number;
  heapUsed: number;
}
const memory = (): Memory => {
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed };
};
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
const out = (line: string) => process.stdout.write(`${line}\n`);

/** Four real certificates, parsed by the inventory's own code, reused under distinct sources and refs with expiries spread over -10..390 days. */
async function syntheticInventory(nowMs: number): Promise<TrackedCertificate[]> {
  const keys = await generateKeyPair({ type: 'EC', curve: 'P-256' });
  const pems: string[] = [];
  for (let i = 0; i < 4; i++) {
    const cert = await issueCertificate({
      subjectDN: `CN=bench ${i}, O=certgate bench`,
      publicKey: keys.publicKey,
      signingKey: keys.privateKey,
      ca: true,
      validityDays: 365,
    });
    pems.push(cert.pem);
  }
  const real = serverChainCertificates(pems.join(''), (ref, problem) => {
    throw new Error(`${ref}: ${problem}`);
  });
  const certs: TrackedCertificate[] = new Array(COUNT);
  for (let i = 0; i < COUNT; i++) {
    const base = real[i % real.length];
    // Spread over 400 whole-ish days so that about a tenth is inside 30 days (or expired).
    const notAfterMs = nowMs + ((i * 7919) % 400) * DAY_MS - 10 * DAY_MS + (i % 86_400) * 1000;
    certs[i] = {
      ...base,
      source: CERTIFICATE_SOURCES[i % CERTIFICATE_SOURCES.length],
      ref: `bench-${i}#0`,
      notAfter: new Date(notAfterMs).toISOString(),
      notAfterMs,
    };
  }
  return certs;
}

/** The alert-state bucket and stream ALERTS, in memory: a marker map, and a stream that drops a repeated message id (JetStream's duplicate window). */
function inMemoryState() {
  const markers = new Map<string, RaisedMarker>();
  const streamIds = new Set<string>();
  let streamBytes = 0;
  return {
    markers,
    get streamMessages() {
      return streamIds.size;
    },
    get streamBytes() {
      return streamBytes;
    },
    state: { isRaised: (id: string) => markers.has(id), isMuted: () => false },
    effects: {
      publish: async (alert: CertificateAlert) => {
        if (streamIds.has(alert.id)) return false;
        streamIds.add(alert.id);
        streamBytes += encodeJson(alert).length;
        return true;
      },
      markRaised: async (id: string, marker: RaisedMarker) => {
        if (!markers.has(id)) markers.set(id, JSON.parse(JSON.stringify(marker)) as RaisedMarker);
      },
    },
  };
}

async function measure<T>(label: string, run: () => Promise<T> | T, describe: (result: T) => string): Promise<T> {
  gc();
  const before = memory();
  const started = performance.now();
  const result = await run();
  const ms = performance.now() - started;
  const after = memory();
  gc();
  const retained = memory();
  out(
    `  ${label.padEnd(46)}${`${ms.toFixed(0)} ms`.padStart(9)}   heap +${mb(after.heapUsed - before.heapUsed).padStart(9)} (retained +${mb(retained.heapUsed - before.heapUsed)})   rss ${mb(after.rss)}   ${describe(result)}`,
  );
  return result;
}

async function main(): Promise<void> {
  const t0 = Date.parse('2030-01-01T00:00:00Z');
  gc();
  const start = memory();
  out(
    `expiry scan bench — ${COUNT.toLocaleString('en')} certificates, thresholds ${THRESHOLDS.join(',')}, node ${process.version}${(globalThis as { gc?: unknown }).gc ? '' : ' (no --expose-gc: retained figures include garbage)'}`,
  );
  out("  A scan is the keystore's own scanCertificates over the in-memory inventory: the decision per certificate, alert ids (SHA-256),");
  out('  payloads; "publish" JSON-encodes each alert into an in-memory stream that drops repeated ids, markers go into a Map.');
  out('  Not in these figures: the NATS round trips of the service (one JetStream publish per alert, one KV create per marker)');
  out('  and certificate parsing (done once per KV change, not per scan). heap + = growth during the step, retained = after a gc.');
  const certs = await measure(
    'build the inventory (synthetic)',
    () => syntheticInventory(t0),
    (c) => `${c.length} entries`,
  );
  const mem = inMemoryState();
  const scan = (nowMs: number) => scanCertificates(certs, { nowMs, thresholds: THRESHOLDS, state: mem.state, effects: mem.effects });
  const summary = (r: Awaited<ReturnType<typeof scan>>) => `${r.certificates} scanned, ${r.raised.length} raised, ${r.duplicates} duplicates`;

  await measure('scan 1: first scan, raises what is due', () => scan(t0), summary);
  await measure('scan 2: same time, nothing new (steady state)', () => scan(t0), summary);
  await measure('scan 3: clock +1 day', () => scan(t0 + DAY_MS), summary);
  await measure('scan 4: clock +1 day, nothing new', () => scan(t0 + DAY_MS), summary);
  const scansPeakRss = process.resourceUsage().maxRSS * 1024;
  out(`  peak rss through the scans ${mb(scansPeakRss)} (+${mb(scansPeakRss - start.rss)} over the process at start)`);
  await measure(
    'inventory view (AlertsRpc.inventory), sorted',
    () => inventoryView(certs, t0 + DAY_MS, THRESHOLDS, () => false, { sort: 'expiry' }),
    (v) => `${v.length} rows`,
  );

  const registry = new Registry();
  const inventory = { certificates: () => certs.values() } as unknown as CertificateInventory;
  new AlertMetrics({ registry } as unknown as OpsServer, inventory, () => t0 + DAY_MS);
  await measure(
    '/metrics text (2 gauges per certificate)',
    () => registry.metrics(),
    (text) => `${mb(text.length)} of text`,
  );

  gc();
  const end = memory();
  const peakRss = process.resourceUsage().maxRSS * 1024;
  out(`  alert state: ${mem.markers.size} raised markers, ${mem.streamMessages} alerts (${mb(mem.streamBytes)} of JSON)`);
  out(
    `  process: rss at start ${mb(start.rss)}, peak rss ${mb(peakRss)} (+${mb(peakRss - start.rss)}), heap at start ${mb(start.heapUsed)}, at end after gc ${mb(end.heapUsed)} (+${mb(end.heapUsed - start.heapUsed)})`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`scan bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
