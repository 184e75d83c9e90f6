import { RequestStrategy, type NatsConnection } from 'nats';
import type { z } from 'zod';
import { CertgateError, ErrorCode, rpcReplySchema, tenantSubject, type RpcContract, type AnyRpcContract, errorMessage } from '@certgate/contracts';
import { maxPayloadOf } from './chunks';
import { requestFailure } from './errors';
import { ReplyMux } from './reply-mux';
import { decodeRpcReply, encodeRpcRequest } from './rpc-wire';

export const DEFAULT_REQUEST_TIMEOUT_MS = 5_000;

/**
 * Tenant-scoped request/reply over NATS with runtime validation of both directions,
 * each validated once, where it is received: the serving side validates the request
 * (`serveRpc`: validation_failed with the issues), this client validates the reply.
 * The request body is typed by the contract at compile time and not parsed again
 * before it is sent.
 */
export class RpcClient {
  constructor(
    private readonly nc: NatsConnection,
    private readonly tenant: string,
  ) {}

  /** One reply from one replica; a failure or an error reply throws CertgateError. */
  async request<Req extends z.ZodType, Res extends z.ZodType>(
    contract: RpcContract<Req, Res>,
    body: z.input<Req>,
    opts: { timeoutMs?: number } = {},
  ): Promise<z.output<Res>> {
    const subject = tenantSubject(this.tenant, contract.subject);
    const payload = encodeRequest(subject, contract, body);
    assertFits(subject, payload, maxPayloadOf(this.nc));
    let data: Uint8Array;
    try {
      data = await ReplyMux.of(this.nc).request(subject, payload, opts.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS);
    } catch (err) {
      throw requestFailure(subject, err);
    }
    return unwrapReply(subject, contract, data);
  }

  /** Every replica's reply that arrives within `maxWaitMs` (scatter-gather). */
  async requestAll<Req extends z.ZodType, Res extends z.ZodType>(
    contract: RpcContract<Req, Res>,
    body: z.input<Req>,
    opts: { maxWaitMs?: number } = {},
  ): Promise<z.output<Res>[]> {
    const subject = tenantSubject(this.tenant, contract.subject);
    const payload = encodeRequest(subject, contract, body);
    const raw: Uint8Array[] = [];
    try {
      const it = await this.nc.requestMany(subject, payload, { strategy: RequestStrategy.Timer, maxWait: opts.maxWaitMs ?? 500 });
      for await (const msg of it) raw.push(msg.data);
    } catch (err) {
      if ((err as { code?: string }).code !== '503') throw requestFailure(subject, err);
    }
    // Outside the transport's try: a replica's error reply keeps its own code.
    return raw.map((data) => unwrapReply(subject, contract, data));
  }
}

/**
 * A request NATS would refuse (larger than the server's max_payload) is refused here with
 * the limit named: sent, it would fail with a bare MAX_PAYLOAD_EXCEEDED, or worse, be
 * taken for an unavailable service.
 */
function assertFits(subject: string, payload: Uint8Array, maxPayload: number): void {
  if (payload.length <= maxPayload) return;
  throw new CertgateError(
    ErrorCode.payloadTooLarge,
    `the request is ${payload.length} bytes, more than the ${maxPayload} bytes NATS carries in one message (its max_payload)`,
    { subject, bytes: payload.length, limit: maxPayload },
  );
}

/** A body JSON cannot carry (BigInt, cycles) is the caller's bug: a CertgateError, never a raw TypeError. */
function encodeRequest(subject: string, contract: AnyRpcContract, body: unknown): Uint8Array {
  try {
    return encodeRpcRequest(contract, body);
  } catch (err) {
    throw new CertgateError(
      ErrorCode.validationFailed,
      `invalid request: the body cannot be encoded as JSON (${errorMessage(err)})`,
      { subject },
      { cause: err },
    );
  }
}

function unwrapReply<Res extends z.ZodType>(subject: string, contract: RpcContract<z.ZodType, Res>, data: Uint8Array): z.output<Res> {
  let reply;
  try {
    reply = rpcReplySchema.parse(decodeRpcReply(contract, data));
  } catch (err) {
    throw new CertgateError(ErrorCode.internal, `malformed reply on ${subject}`, { subject }, { cause: err });
  }
  if (!reply.ok) throw CertgateError.fromBody(reply.error);
  const parsed = contract.response.safeParse(reply.data);
  if (!parsed.success) {
    throw new CertgateError(ErrorCode.internal, `reply on ${subject} does not match its contract`, { subject, issues: parsed.error.issues });
  }
  return parsed.data;
}
