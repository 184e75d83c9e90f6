import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { errorMessage } from '@certgate/contracts';
import { SERVICE_ENV } from '@certgate/platform';
import { ocspRequest, ocspResponderUrls, ocspVerdict } from '@certgate/x509';
import type { IngressEnv } from '../ingress-env';
import { postOcsp } from '../root-policy/ocsp-post';
import { ServerIdentity } from './server-identity.service';

/** Fetched again half-way to its nextUpdate, within these bounds. */
const MIN_REFRESH_MS = 60_000;
const MAX_REFRESH_MS = 60 * 60_000;

interface Staple {
  fingerprint: string;
  response: Buffer;
}

/**
 * OCSP stapling of the ingress' own certificate: when its issuer offers a responder (the
 * certificate's authority information access), the ingress fetches a `good` answer and
 * hands it to every client that asks in the handshake (status_request), so senders that
 * check revocation need not ask the CA themselves. Fetched again half-way to its
 * nextUpdate and whenever the server certificate changes; a failure leaves the handshake
 * without a staple, never without the certificate.
 */
@Injectable()
export class OcspStapling implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ocsp-stapling');
  private staple?: Staple;
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(SERVICE_ENV) private readonly env: IngressEnv,
    private readonly identity: ServerIdentity,
  ) {}

  onApplicationBootstrap(): void {
    this.identity.onChange(() => void this.refresh());
    void this.refresh();
  }

  onApplicationShutdown(): void {
    clearTimeout(this.timer);
  }

  /** The staple for the certificate in the handshake (DER), if one is held for it. */
  responseFor(certificate: Buffer): Buffer | null {
    const staple = this.staple;
    if (!staple) return null;
    const [leaf] = this.identity.credentials.chain;
    return leaf && leaf.fingerprint === staple.fingerprint && Buffer.compare(Buffer.from(leaf.der), certificate) === 0 ? staple.response : null;
  }

  async refresh(): Promise<void> {
    clearTimeout(this.timer);
    const [leaf, issuer] = this.identity.credentials.chain;
    const urls = leaf ? ocspResponderUrls(leaf) : [];
    if (!leaf || !issuer || urls.length === 0) {
      this.staple = undefined;
      return;
    }
    let next = MIN_REFRESH_MS;
    try {
      // No nonce: a staple is shown to every client, none of which could check one of ours.
      const response = await postOcsp(urls[0], ocspRequest(leaf, issuer), this.env.INGRESS_CRL_FETCH_TIMEOUT_MS);
      const verdict = ocspVerdict(response, leaf, issuer);
      if (verdict.status !== 'good') throw new Error(verdict.status === 'revoked' ? 'the responder says the server certificate is revoked' : verdict.problem);
      if (this.identity.credentials.chain[0]?.fingerprint !== leaf.fingerprint) return;
      this.staple = { fingerprint: leaf.fingerprint, response: Buffer.from(response) };
      if (verdict.nextUpdate) next = (verdict.nextUpdate.getTime() - Date.now()) / 2;
      this.logger.log({ msg: 'OCSP staple of the server certificate fetched', responder: urls[0], nextUpdate: verdict.nextUpdate?.toISOString() });
    } catch (err) {
      this.staple = undefined;
      this.logger.warn({ msg: 'no OCSP staple for the server certificate; retried in a minute', responder: urls[0], error: errorMessage(err) });
    }
    this.timer = setTimeout(() => void this.refresh(), Math.min(MAX_REFRESH_MS, Math.max(MIN_REFRESH_MS, next)));
    this.timer.unref();
  }
}
