import { watchFile, unwatchFile, type Stats } from 'node:fs';
import { createSecureContext } from 'node:tls';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Buckets, errorMessage, IngressKv, storedServerIdentitySchema, type ServerIdentityView, type StoredServerIdentity } from '@certgate/contracts';
import { KvBuckets, nestMessagingLogger, type KvProjection } from '@certgate/messaging';
import { SERVICE_ENV } from '@certgate/platform';
import { parseCertificates, toPemBundle } from '@certgate/x509';
import type { IngressEnv } from '../ingress-env';
import type { ServerCredentials } from './dev-pki';
import { LocalApply } from '../common/local-apply';
import { isPemText } from './pem-source';
import { sealServerChain, type ServerChainUpload } from './server-chain-upload';
import { loadServerCredentials } from './server-credentials';

type CredentialsListener = (credentials: ServerCredentials) => void;

/** Both files are usually replaced one after the other: reload once they have been quiet this long. */
const SETTLE_MS = 300;

/**
 * The ingress' own key and chain. Two sources, the first present wins:
 *
 * - set through the API (PUT /ingress/server-chain): one value in the ingress bucket,
 *   the key encrypted under CERTGATE_MASTER_KEY, projected by every replica;
 * - configured (INGRESS_SERVER_KEY/_CHAIN) or else the dev PKI, loaded at start. When
 *   the settings name files, they are watched: replacing them (cert-manager, certbot, an
 *   operator's copy) puts the new chain in force without a restart.
 *
 * Either way new handshakes get the new chain and open connections keep theirs. A
 * replacement that does not make a TLS context (unreadable, a key that does not match
 * the certificate, a wrong passphrase or master key) is refused with an error in the
 * log, and the chain in force stays.
 */
@Injectable()
export class ServerIdentity implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('ingress');
  /** From the settings or the dev PKI. */
  private configured?: ServerCredentials;
  /** Set through the API; wins over `configured` while present. */
  private fromApi?: ServerCredentials;
  private readonly listeners: CredentialsListener[] = [];
  private readonly watched: string[] = [];
  private settle?: NodeJS.Timeout;
  private projection?: KvProjection<StoredServerIdentity>;
  private readonly stored = this.buckets.bucket(Buckets.ingress).repository(storedServerIdentitySchema, 'server identity');
  private readonly applied = new LocalApply();

  constructor(
    @Inject(SERVICE_ENV) private readonly env: IngressEnv,
    private readonly buckets: KvBuckets,
  ) {}

  async onModuleInit(): Promise<void> {
    this.configured = await loadServerCredentials(this.env);
    const { INGRESS_SERVER_KEY: key, INGRESS_SERVER_CHAIN: chain } = this.env;
    if (key && chain && !isPemText(key) && !isPemText(chain)) this.watch([key, chain]);
    this.projection = await this.buckets.project(Buckets.ingress, {
      key: IngressKv.serverIdentity,
      schema: storedServerIdentitySchema,
      logger: nestMessagingLogger('server-identity'),
      onChange: () => this.applyStored(),
    });
    this.applyStored();
  }

  private get loaded(): ServerCredentials | undefined {
    return this.fromApi ?? this.configured;
  }

  view(): ServerIdentityView {
    const [leaf] = this.credentials.chain;
    const source = this.fromApi ? 'api' : this.configured?.devRootPath ? 'dev' : 'files';
    return {
      source,
      subjectDN: leaf.subjectDN,
      issuerDN: leaf.issuerDN,
      fingerprint: leaf.fingerprint,
      notBefore: leaf.notBefore.toISOString(),
      notAfter: leaf.notAfter.toISOString(),
      chainLength: this.credentials.chain.length,
    };
  }

  /** Checks and stores an uploaded key and chain; answers once this replica has it in force (every replica gets it through its KV watch). */
  async replace(upload: ServerChainUpload): Promise<ServerIdentityView> {
    const { chain, encryptedKeyPem } = await sealServerChain(upload, this.env.CERTGATE_MASTER_KEY);
    const fingerprint = chain[0].fingerprint;
    const inForce = this.applied.until(() => this.fromApi?.chain[0]?.fingerprint === fingerprint);
    await this.stored.put(IngressKv.serverIdentity, { chainPem: toPemBundle(chain), encryptedKeyPem, updatedAt: new Date().toISOString() });
    await inForce;
    return this.view();
  }

  /** Back to the configured key and chain (or the dev PKI), on every replica. */
  async reset(): Promise<ServerIdentityView> {
    const inForce = this.applied.until(() => !this.fromApi);
    await this.stored.delete(IngressKv.serverIdentity);
    await inForce;
    return this.view();
  }

  /** The API value as it is now: put in force, or dropped for the configured chain. */
  private applyStored(): void {
    const stored = this.projection?.get(IngressKv.serverIdentity);
    const previous = this.loaded;
    if (!stored) {
      if (!this.fromApi) return;
      this.fromApi = undefined;
      this.announce(previous, 'server certificate set through the API removed; the configured one is in force again');
      return;
    }
    try {
      const next: ServerCredentials = { keyPem: stored.encryptedKeyPem, passphrase: this.env.CERTGATE_MASTER_KEY, chain: parseCertificates(stored.chainPem) };
      // The replica that stored it checked it; another replica checks it opens with its own master key.
      createSecureContext({ key: next.keyPem, passphrase: next.passphrase, cert: stored.chainPem });
      if (this.fromApi?.chain[0]?.fingerprint === next.chain[0].fingerprint && this.fromApi.keyPem === next.keyPem) return;
      this.fromApi = next;
      this.announce(previous, 'server certificate set through the API; new connections use it, open ones keep theirs');
    } catch (err) {
      this.logger.error({
        msg: 'the server key and chain set through the API cannot be used on this replica (is CERTGATE_MASTER_KEY the same on every ingress?); the certificate in force stays',
        error: errorMessage(err),
      });
    }
  }

  private announce(previous: ServerCredentials | undefined, msg: string): void {
    const next = this.credentials;
    for (const listener of this.listeners) listener(next);
    this.applied.changed();
    this.logger.log({
      msg,
      subjectDN: next.chain[0].subjectDN,
      fingerprint: next.chain[0].fingerprint,
      notAfter: next.chain[0].notAfter.toISOString(),
      replaced: previous?.chain[0]?.fingerprint,
    });
  }

  onApplicationShutdown(): void {
    clearTimeout(this.settle);
    for (const file of this.watched) unwatchFile(file);
  }

  get credentials(): ServerCredentials {
    if (!this.loaded) throw new Error('the server credentials are not loaded yet');
    return this.loaded;
  }

  /** Server certificate first, root (when known) last: what a sender administrator trusts. */
  get chainPem(): string {
    return toPemBundle(this.credentials.chain);
  }

  /** Called with every new key and chain put in force (not with those at start). */
  onChange(listener: CredentialsListener): void {
    this.listeners.push(listener);
  }

  private watch(files: string[]): void {
    const interval = this.env.INGRESS_SERVER_FILES_CHECK_MS;
    for (const file of files) {
      // Polling, not fs.watch: it survives the rename a tool uses to replace a file atomically.
      watchFile(file, { interval, persistent: false }, (now: Stats, before: Stats) => {
        if (now.mtimeMs === before.mtimeMs && now.size === before.size && now.ino === before.ino) return;
        clearTimeout(this.settle);
        this.settle = setTimeout(() => void this.reload(), SETTLE_MS);
      });
      this.watched.push(file);
    }
  }

  private async reload(): Promise<void> {
    const previous = this.configured;
    try {
      const next = await loadServerCredentials(this.env);
      if (next.chain.length === 0) throw new Error('INGRESS_SERVER_CHAIN holds no certificate');
      // What the TLS server will do with them: refuses a key that does not match the certificate, or a wrong passphrase.
      createSecureContext({ key: next.keyPem, passphrase: next.passphrase, cert: toPemBundle(next.chain) });
      if (previous && previous.chain[0]?.fingerprint === next.chain[0].fingerprint && previous.keyPem === next.keyPem) return;
      this.configured = next;
      // A chain set through the API stays in force; the files take over again when it is removed.
      if (this.fromApi) return;
      this.announce(previous, 'server certificate replaced from its files; new connections use it, open ones keep theirs');
    } catch (err) {
      // The message names the setting and what was wrong with it, never key material.
      this.logger.error({ msg: 'the replaced server key or chain files cannot be used; the certificate in force stays', error: errorMessage(err) });
    }
  }
}
