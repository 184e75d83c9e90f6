import { Injectable, Logger } from '@nestjs/common';
import { CertgateError, ErrorCode, errorMessage, IngressRpc } from '@certgate/contracts';
import { CertgateClient } from '@certgate/messaging';
import { envRootCertificates, serverChainCertificates } from './certificate-sources';
import type { TrackedCertificate } from './tracked-certificate';

const INGRESS_TIMEOUT_MS = 3_000;

/**
 * The certificates only the ingress knows: its TLS server chain and the roots of
 * INGRESS_CLIENT_ROOTS, asked for over NATS. When no ingress answers, the last known
 * ones are kept (an ingress restarting does not make its certificates vanish), and
 * the warning is logged once until it answers again.
 */
@Injectable()
export class IngressCertificates {
  private readonly logger = new Logger('alerts.ingress');
  private known: TrackedCertificate[] = [];
  private answered = false;
  private warned = false;

  constructor(private readonly rpc: CertgateClient) {}

  get certificates(): readonly TrackedCertificate[] {
    return this.known;
  }

  /** False until an ingress has answered once. */
  get hasAnswered(): boolean {
    return this.answered;
  }

  async refresh(): Promise<void> {
    const problem = (ref: string, message: string) =>
      this.logger.warn({ msg: 'an ingress certificate cannot be read; left out of the inventory', ref, problem: message });
    try {
      const [chain, roots] = await Promise.all([
        this.rpc.request(IngressRpc.getServerChain, {}, { timeoutMs: INGRESS_TIMEOUT_MS }),
        this.rpc.request(IngressRpc.getTrustedRoots, {}, { timeoutMs: INGRESS_TIMEOUT_MS }),
      ]);
      this.known = [...serverChainCertificates(chain.pem, problem), ...envRootCertificates(roots.roots, problem)];
      this.answered = true;
      this.warned = false;
    } catch (err) {
      const unreachable = err instanceof CertgateError && (err.code === ErrorCode.serviceUnavailable || err.code === ErrorCode.timeout);
      if (!unreachable) this.logger.error({ msg: 'the ingress answered with an error; its certificates are kept as last seen', error: errorMessage(err) });
      else if (!this.warned) {
        this.logger.warn({
          msg: this.answered
            ? 'the ingress does not answer: its server chain and INGRESS_CLIENT_ROOTS are monitored as last seen'
            : 'no ingress answers: its server chain and INGRESS_CLIENT_ROOTS are not monitored until one does',
          reason: err.message,
        });
        this.warned = true;
      }
    }
  }
}
