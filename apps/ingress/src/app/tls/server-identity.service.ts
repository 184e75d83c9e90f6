import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { SERVICE_ENV } from '@certgate/platform';
import { toPemBundle } from '@certgate/x509';
import type { IngressEnv } from '../ingress-env';
import type { ServerCredentials } from './dev-pki';
import { loadServerCredentials } from './server-credentials';

/** The ingress' own key and chain, loaded (or created as the dev PKI) once at start. */
@Injectable()
export class ServerIdentity implements OnModuleInit {
  private loaded?: ServerCredentials;

  constructor(@Inject(SERVICE_ENV) private readonly env: IngressEnv) {}

  async onModuleInit(): Promise<void> {
    this.loaded = await loadServerCredentials(this.env);
  }

  get credentials(): ServerCredentials {
    if (!this.loaded) throw new Error('the server credentials are not loaded yet');
    return this.loaded;
  }

  /** Server certificate first, root (when known) last: what a sender administrator trusts. */
  get chainPem(): string {
    return toPemBundle(this.credentials.chain);
  }
}
