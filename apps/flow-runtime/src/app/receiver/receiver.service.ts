import { Inject, Injectable, Logger } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { largestBodyInOneMessage, NATS_CONNECTION } from '@certgate/messaging';
import { SERVICE_ENV } from '@certgate/platform';
import type { FlowRuntimeEnv } from '../flow-runtime-env';
import type { ReceiverCall, ReceiverCaller, ReceiverResult } from '../invoke/invoke-pipeline';
import { callReceiverOnce } from './https-call';
import { ReceiverConnections } from './receiver-connections';
import { ReceiverFailure, type CallTarget } from './receiver-failure';
import { receiverRequestHeaders, senderResponseHeaders } from './receiver-headers';

/**
 * Sends a flow's message to its receiver over TLS, presenting the flow's key pair
 * (default: the tenant system key pair) and verifying the receiver against the
 * keystore's trusted certificates; answers with the receiver's status, headers and
 * body, or with the reason the call failed. Never throws for a failed call.
 */
@Injectable()
export class ReceiverService implements ReceiverCaller {
  private readonly logger = new Logger('receiver');
  private readonly maxBodyBytes: number;

  constructor(
    private readonly connections: ReceiverConnections,
    @Inject(SERVICE_ENV) private readonly env: FlowRuntimeEnv,
    @Inject(NATS_CONNECTION) nc: NatsConnection,
  ) {
    this.maxBodyBytes = largestBodyInOneMessage(env.RUNTIME_RECEIVER_MAX_BODY_BYTES, nc.info?.max_payload);
  }

  async call(call: ReceiverCall): Promise<ReceiverResult> {
    const timeoutMs = this.env.RUNTIME_RECEIVER_TIMEOUT_MS;
    const deadline = Date.now() + timeoutMs;
    const { receiver, message } = call;
    const alias =
      receiver.authentication.type === 'client-certificate' ? (receiver.authentication.privateKeyAlias ?? this.env.CERTGATE_SYSTEM_KEY_ALIAS) : undefined;
    let target: CallTarget | undefined;
    try {
      const url = new URL(receiver.url);
      if (url.protocol !== 'https:')
        throw new ReceiverFailure(`the receiver URL must use https (receiver calls are made over TLS), not '${url.protocol.replace(/:$/, '')}'`);
      target = { host: url.hostname.replace(/^\[(.*)\]$/, '$1'), port: Number(url.port) || 443, alias };
      const connector = await this.connections.connector(alias, Math.max(1, deadline - Date.now()));
      const answer = await callReceiverOnce({
        url,
        method: call.method,
        headers: receiverRequestHeaders(message.headers, call.requestId, message.body),
        body: message.body,
        agent: connector.agent,
        deadline,
        timeoutMs,
        maxBodyBytes: this.maxBodyBytes,
        target,
        trustedCount: connector.trustedCount,
      });
      return { ok: true, status: answer.status, headers: senderResponseHeaders(answer.headers), body: answer.body };
    } catch (err) {
      if (err instanceof ReceiverFailure) return { ok: false, error: err.message };
      // Not one of the failures named above: logged by kind only (its text may come from anywhere).
      this.logger.error({
        msg: 'receiver call failed unexpectedly',
        requestId: call.requestId,
        host: target?.host,
        error: err instanceof Error ? err.name : typeof err,
      });
      return {
        ok: false,
        error: target ? `the call to the receiver at ${target.host}:${target.port} failed unexpectedly` : 'the receiver call failed unexpectedly',
      };
    }
  }
}
