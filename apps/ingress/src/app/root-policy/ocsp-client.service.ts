import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { errorMessage } from '@certgate/contracts';
import { SERVICE_ENV } from '@certgate/platform';
import { ocspNonce, ocspRequest, ocspResponderUrls, ocspVerdict, type Certificate, type OcspStatus } from '@certgate/x509';
import type { IngressEnv } from '../ingress-env';
import { IngressMetrics } from '../metrics/ingress-metrics';
import { RootPoliciesService } from '../trusted-roots/root-policies.service';
import { postOcsp } from './ocsp-post';

/** Answers kept at most this long, and a responder that could not answer is asked again after a minute. */
const MAX_CACHE_MS = 60 * 60_000;
const UNKNOWN_CACHE_MS = 60_000;

/**
 * Asks a certificate's OCSP responder (its authority information access) when no current
 * CRL speaks for it, and keeps the answer until its nextUpdate (at most an hour), so a
 * sender that reconnects costs one query per hour. Emptied when an operator asks for a
 * revocation refresh. Each query carries a fresh nonce; an answer echoing another is
 * refused, one without a nonce (pre-produced by the CA) is taken as RFC 8954 allows.
 */
@Injectable()
export class OcspClient {
  private readonly answers = new LRUCache<string, OcspStatus>({ max: 10_000, ttl: MAX_CACHE_MS });
  private readonly pending = new Map<string, Promise<OcspStatus>>();
  private lastRefresh?: string;

  constructor(
    @Inject(SERVICE_ENV) private readonly env: IngressEnv,
    private readonly metrics: IngressMetrics,
    policies: RootPoliciesService,
  ) {
    policies.onChange((stored) => {
      if (stored?.refreshRequestedAt === this.lastRefresh) return;
      this.lastRefresh = stored?.refreshRequestedAt;
      this.answers.clear();
    });
  }

  status(cert: Certificate, issuer: Certificate): Promise<OcspStatus> {
    const key = `${issuer.fingerprint}:${cert.serialNumber}`;
    const known = this.answers.get(key);
    if (known) return Promise.resolve(known);
    let asking = this.pending.get(key);
    if (!asking) {
      asking = this.ask(cert, issuer).then((answer) => {
        const until = answer.status === 'unknown' ? Date.now() + UNKNOWN_CACHE_MS : (answer.nextUpdate?.getTime() ?? Date.now() + MAX_CACHE_MS);
        const ttl = Math.min(MAX_CACHE_MS, until - Date.now());
        if (ttl > 0) this.answers.set(key, answer, { ttl });
        return answer;
      });
      this.pending.set(key, asking);
      void asking.finally(() => this.pending.delete(key));
    }
    return asking;
  }

  private async ask(cert: Certificate, issuer: Certificate): Promise<OcspStatus> {
    const urls = ocspResponderUrls(cert);
    if (urls.length === 0) return { status: 'unknown', problem: `'${cert.subjectDN}' names no OCSP responder` };
    const problems: string[] = [];
    for (const url of urls) {
      try {
        const nonce = ocspNonce();
        const body = await postOcsp(url, ocspRequest(cert, issuer, nonce), this.env.INGRESS_CRL_FETCH_TIMEOUT_MS);
        const answer = ocspVerdict(body, cert, issuer, { nonce });
        if (answer.status !== 'unknown') return answer;
        problems.push(answer.problem);
      } catch (err) {
        this.metrics.crlFetchFailed('ocsp');
        problems.push(`the OCSP responder ${url} could not be asked: ${errorMessage(err)}`);
      }
    }
    return { status: 'unknown', problem: problems.join('; ') };
  }
}
