import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import {
  Buckets,
  CertgateError,
  CLIENT_CA_ALIAS,
  ErrorCode,
  errorMessage,
  IngressKv,
  KeystoreKv,
  storedKeystoreEntrySchema,
  trustedRootsSchema,
  type StoredKeystoreEntry,
  type TrustedRoots,
  LIMITS,
} from '@certgate/contracts';
import { KvBuckets, nestMessagingLogger, type KvProjection } from '@certgate/messaging';
import { SERVICE_ENV } from '@certgate/platform';
import { isValidAnchor, parseCertificate, type Certificate, type KeyPolicy } from '@certgate/x509';
import { keyPolicyOf } from '../tls/key-policy';
import type { IngressEnv } from '../ingress-env';
import { IngressMetrics } from '../metrics/ingress-metrics';
import { loadClientRoots } from '../tls/client-roots';
import { clientCaRoots } from './client-ca-roots';
import { LocalApply } from '../common/local-apply';
import { EffectiveRoots, type RootView } from './effective-roots';
import { validateRootBundle } from './root-bundle';

export type RootsListener = (roots: EffectiveRoots) => void;

/**
 * Compare-and-set attempts of an add or remove: each round of racing writers has one
 * winner, so this many requests changing the roots at the same moment all get through.
 */
const CAS_ATTEMPTS = 32;

/**
 * The trusted client roots of this replica, kept current from two KV buckets: the
 * API-managed roots (ingress bucket, written only here) and the tenant client CA (the
 * keystore's entry). A change anywhere reaches every replica through its KV watch
 * within milliseconds and is handed to the listeners (the TLS server swaps its
 * context); certificates are parsed here, on change, never on the request path.
 */
@Injectable()
export class TrustedRootsService implements OnModuleInit {
  private readonly logger = new Logger('trusted-roots');
  private readonly listeners: RootsListener[] = [];
  private readonly applied = new LocalApply();
  private envRoots: Certificate[] = [];
  /** Written only by this service (replaceApiRoots); every replica reads it through `apiProjection`. */
  private readonly storedApiRoots = this.buckets.bucket(Buckets.ingress).repository(trustedRootsSchema, 'trusted roots');
  private apiProjection?: KvProjection<TrustedRoots>;
  private clientCaProjection?: KvProjection<StoredKeystoreEntry>;
  private clientCa: Certificate[] = [];
  private roots = new EffectiveRoots({ env: [], api: [], clientCa: [] });
  /** Recomputations run one after another, each on the projections' latest state. */
  private queue: Promise<void> = Promise.resolve();
  /** The deployment's key policy (CERTGATE_KEY_*): for roots here, and for the chains checked against them. */
  readonly keyPolicy: KeyPolicy;

  constructor(
    @Inject(SERVICE_ENV) private readonly env: IngressEnv,
    private readonly buckets: KvBuckets,
    private readonly metrics: IngressMetrics,
  ) {
    this.keyPolicy = keyPolicyOf(env);
  }

  async onModuleInit(): Promise<void> {
    this.envRoots = await loadClientRoots(this.env.INGRESS_CLIENT_ROOTS, this.keyPolicy);
    const logger = nestMessagingLogger('trusted-roots');
    const onChange = () => this.schedule();
    this.apiProjection = await this.buckets.project(Buckets.ingress, { key: IngressKv.trustedRoots, schema: trustedRootsSchema, logger, onChange });
    this.clientCaProjection = await this.buckets.project(Buckets.keystore, {
      key: KeystoreKv.entry(CLIENT_CA_ALIAS),
      schema: storedKeystoreEntrySchema,
      logger,
      onChange,
    });
    this.schedule();
    await this.queue;
  }

  get current(): EffectiveRoots {
    return this.roots;
  }

  /** Called with every new root set (not with the one in force when subscribing). */
  onChange(listener: RootsListener): void {
    this.listeners.push(listener);
  }

  view(): RootView[] {
    return this.roots.view();
  }

  /**
   * Replaces the API-managed roots with the bundle, after every certificate in it passed
   * as a root, and answers the roots in force with it. Every replica applies the change
   * from its KV watch; the answer waits (briefly) until this one has, so a sender can
   * connect right after the PUT returns.
   */
  async replaceApiRoots(pem: string): Promise<RootView[]> {
    const certs = await validateRootBundle(pem, this.keyPolicy);
    refuseBeyondLimit(certs.length);
    const value: TrustedRoots = { pems: certs.map((c) => c.pem), updatedAt: new Date().toISOString() };
    const wanted = new Set(certs.map((c) => c.fingerprint));
    const applied = this.applied.until(() => this.hasApiRoots(wanted));
    await this.storedApiRoots.put(IngressKv.trustedRoots, value);
    await applied;
    this.logger.log({
      msg: 'trusted client roots replaced through the API',
      roots: certs.map((c) => ({ subjectDN: c.subjectDN, fingerprint: c.fingerprint })),
    });
    return new EffectiveRoots({ env: this.envRoots, api: certs, clientCa: this.clientCa }).view();
  }

  /**
   * Adds the bundle's roots to the API-managed set, keeping every root already in it
   * (a root already there is left as it is). A compare-and-set on the bucket value, so
   * two adds at the same moment, on any replicas, both count. Answers the roots in force
   * and the fingerprints that were new to the API-managed set.
   */
  async addApiRoots(pem: string): Promise<{ roots: RootView[]; added: string[] }> {
    const certs = await validateRootBundle(pem, this.keyPolicy);
    let added: string[] = [];
    const written = await this.storedApiRoots.modify(
      IngressKv.trustedRoots,
      (current) => {
        const have = new Set(fingerprintsOf(current?.pems ?? []));
        const fresh = certs.filter((c) => !have.has(c.fingerprint));
        added = fresh.map((c) => c.fingerprint);
        if (fresh.length === 0) return undefined;
        refuseBeyondLimit(have.size + fresh.length);
        return { pems: [...(current?.pems ?? []), ...fresh.map((c) => c.pem)], updatedAt: new Date().toISOString() };
      },
      { what: 'the set of trusted roots', attempts: CAS_ATTEMPTS },
    );
    if (written) {
      await this.untilApplied(written);
      this.logger.log({ msg: 'trusted client roots added through the API', roots: certs.filter((c) => added.includes(c.fingerprint)).map(describe) });
    }
    return { roots: this.view(), added };
  }

  /**
   * Removes one API-managed root (compare-and-set, as `addApiRoots`). 404 when no root
   * has that fingerprint; 409 when it is trusted only through INGRESS_CLIENT_ROOTS or as
   * the tenant client CA, which the API does not manage.
   */
  async removeApiRoot(sha256: string): Promise<RootView[]> {
    const fingerprint = sha256.replace(/:/g, '').toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(fingerprint)) {
      throw new CertgateError(ErrorCode.validationFailed, `sha256: '${sha256.slice(0, 100)}' is not a SHA-256 fingerprint (64 hex digits)`, {
        field: 'sha256',
      });
    }
    let removed: Certificate | undefined;
    const written = await this.storedApiRoots.modify(
      IngressKv.trustedRoots,
      (current) => {
        const pems = current?.pems ?? [];
        const keep = pems.filter((p) => fingerprintsOf([p])[0] !== fingerprint);
        removed = keep.length === pems.length ? undefined : parseCertificate(pems.find((p) => !keep.includes(p)) ?? '');
        return removed ? { pems: keep, updatedAt: new Date().toISOString() } : undefined;
      },
      { what: 'the set of trusted roots', attempts: CAS_ATTEMPTS },
    );
    if (!written || !removed) {
      const other = this.roots.roots.find((r) => r.certificate.fingerprint === fingerprint);
      if (other) {
        const origin = other.source === 'env' ? 'INGRESS_CLIENT_ROOTS' : "the tenant's client CA (the keystore's certgate_client_ca)";
        throw new CertgateError(
          ErrorCode.trustedRootNotManaged,
          `the trusted root '${other.certificate.subjectDN}' comes from ${origin}, not from the API, so it cannot be removed here`,
          { sha256: fingerprint, source: other.source },
        );
      }
      throw new CertgateError(ErrorCode.trustedRootNotFound, `no trusted root has the SHA-256 fingerprint '${fingerprint}'`, { sha256: fingerprint });
    }
    await this.untilApplied(written);
    this.logger.log({ msg: 'trusted client root removed through the API', root: describe(removed) });
    return this.view();
  }

  /** Waits (briefly) until this replica's API roots are exactly those of `value`, so a sender can connect right after the answer. */
  private untilApplied(value: TrustedRoots): Promise<void> {
    const wanted = new Set(fingerprintsOf(value.pems));
    return this.applied.until(() => this.hasApiRoots(wanted));
  }

  private hasApiRoots(wanted: ReadonlySet<string>): boolean {
    const api = this.roots.roots.filter((r) => r.source === 'api').map((r) => r.certificate.fingerprint);
    return api.length === wanted.size && api.every((f) => wanted.has(f));
  }

  private schedule(): void {
    this.queue = this.queue
      .then(() => this.recompute())
      .catch((err: unknown) =>
        this.logger.error({ msg: 'trusted client roots could not be recomputed; the previous ones stay in force', error: errorMessage(err) }),
      );
  }

  private async recompute(): Promise<void> {
    const api = await this.apiRoots(this.apiProjection?.get(IngressKv.trustedRoots));
    const clientCa = await clientCaRoots(this.clientCaProjection?.get(KeystoreKv.entry(CLIENT_CA_ALIAS)), this.keyPolicy);
    if (clientCa.problem) this.logger.warn({ msg: 'the tenant client CA is not trusted', problem: clientCa.problem });
    this.clientCa = clientCa.roots;
    const next = new EffectiveRoots({ env: this.envRoots, api, clientCa: clientCa.roots });
    const changed = !next.sameCertificatesAs(this.roots);
    this.roots = next;
    this.metrics.trustedRoots(next.countBySource());
    this.logger.log({ msg: 'trusted client roots in force', roots: next.roots.map((r) => ({ source: r.source, subjectDN: r.certificate.subjectDN })) });
    if (changed) for (const listener of this.listeners) listener(next);
    this.applied.changed();
  }

  /** The stored API roots, each checked again: only this service writes them, but a root is never trusted unchecked. */
  private async apiRoots(stored: TrustedRoots | undefined): Promise<Certificate[]> {
    const roots: Certificate[] = [];
    for (const pem of stored?.pems ?? []) {
      try {
        const cert = parseCertificate(pem);
        const verdict = await isValidAnchor(cert, { keyPolicy: this.keyPolicy });
        if (verdict.ok) roots.push(cert);
        else if (verdict.reason === 'profile_violation') {
          // Trusted before the stricter certificate policy: kept, so an upgrade does not lock a tenant's senders out.
          roots.push(cert);
          this.logger.error({
            msg: 'a stored trusted root breaks the certificate profile; still trusted, replace it',
            subjectDN: cert.subjectDN,
            reason: verdict.message,
          });
        } else this.logger.error({ msg: 'a stored trusted root is not a root CA; skipped', subjectDN: cert.subjectDN, reason: verdict.message });
      } catch (err) {
        this.logger.error({ msg: 'a stored trusted root cannot be parsed; skipped', error: errorMessage(err) });
      }
    }
    return roots;
  }
}

/** The fingerprints of stored PEMs; one that no longer parses has none (it is skipped when applied, too). */
function fingerprintsOf(pems: readonly string[]): string[] {
  return pems.map((pem) => {
    try {
      return parseCertificate(pem).fingerprint;
    } catch {
      return '';
    }
  });
}

function describe(c: Certificate): { subjectDN: string; fingerprint: string } {
  return { subjectDN: c.subjectDN, fingerprint: c.fingerprint };
}

/** The API-managed roots are one stored object: a count limit keeps it small (docs/limits.md). */
function refuseBeyondLimit(count: number): void {
  if (count > LIMITS.trustedRoots)
    throw new CertgateError(
      ErrorCode.validationFailed,
      `certificates: that would make ${count} trusted roots managed through the API, more than ${LIMITS.trustedRoots}; the trusted roots were not changed`,
      { field: 'certificates', limit: LIMITS.trustedRoots },
    );
}
