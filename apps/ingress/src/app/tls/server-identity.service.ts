import { watchFile, unwatchFile, type Stats } from 'node:fs';
import { createSecureContext } from 'node:tls';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { errorMessage } from '@certgate/contracts';
import { SERVICE_ENV } from '@certgate/platform';
import { toPemBundle } from '@certgate/x509';
import type { IngressEnv } from '../ingress-env';
import type { ServerCredentials } from './dev-pki';
import { isPemText } from './pem-source';
import { loadServerCredentials } from './server-credentials';

type CredentialsListener = (credentials: ServerCredentials) => void;

/** Both files are usually replaced one after the other: reload once they have been quiet this long. */
const SETTLE_MS = 300;

/**
 * The ingress' own key and chain, loaded (or created as the dev PKI) at start. When
 * INGRESS_SERVER_KEY and INGRESS_SERVER_CHAIN name files, they are watched: replacing
 * them (cert-manager, certbot, an operator's copy) puts the new chain in force for new
 * handshakes without a restart, while open connections keep theirs. A replacement that
 * does not make a TLS context (unreadable, a key that does not match the certificate, a
 * wrong passphrase) is refused with an error in the log, and the chain in force stays.
 */
@Injectable()
export class ServerIdentity implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('ingress');
  private loaded?: ServerCredentials;
  private readonly listeners: CredentialsListener[] = [];
  private readonly watched: string[] = [];
  private settle?: NodeJS.Timeout;

  constructor(@Inject(SERVICE_ENV) private readonly env: IngressEnv) {}

  async onModuleInit(): Promise<void> {
    this.loaded = await loadServerCredentials(this.env);
    const { INGRESS_SERVER_KEY: key, INGRESS_SERVER_CHAIN: chain } = this.env;
    if (key && chain && !isPemText(key) && !isPemText(chain)) this.watch([key, chain]);
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
    const previous = this.loaded;
    try {
      const next = await loadServerCredentials(this.env);
      if (next.chain.length === 0) throw new Error('INGRESS_SERVER_CHAIN holds no certificate');
      // What the TLS server will do with them: refuses a key that does not match the certificate, or a wrong passphrase.
      createSecureContext({ key: next.keyPem, passphrase: next.passphrase, cert: toPemBundle(next.chain) });
      if (previous && previous.chain[0]?.fingerprint === next.chain[0].fingerprint && previous.keyPem === next.keyPem) return;
      this.loaded = next;
      for (const listener of this.listeners) listener(next);
      this.logger.log({
        msg: 'server certificate replaced from its files; new connections use it, open ones keep theirs',
        subjectDN: next.chain[0].subjectDN,
        fingerprint: next.chain[0].fingerprint,
        notAfter: next.chain[0].notAfter.toISOString(),
        replaced: previous?.chain[0]?.fingerprint,
      });
    } catch (err) {
      // The message names the setting and what was wrong with it, never key material.
      this.logger.error({ msg: 'the replaced server key or chain files cannot be used; the certificate in force stays', error: errorMessage(err) });
    }
  }
}
