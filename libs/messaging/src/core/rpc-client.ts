import { RequestStrategy, type NatsConnection } from 'nats';
import type { z } from 'zod';
import { CertgateError, ErrorCode, describeIssues, rpcReplySchema, tenantSubject, type RpcContract } from '@certgate/contracts';
import { decodeJson, encodeJson } from './codec';
import { requestFailure } from './errors';

export const DEFAULT_REQUEST_TIMEOUT_MS = 5_000;

/** Tenant-scoped request/reply over NATS with runtime validation of both directions. */
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
    let data: Uint8Array;
    try {
      data = (await this.nc.request(subject, payload, { timeout: opts.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS })).data;
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

/** A body that breaks its own contract is the caller's bug: a CertgateError, never a raw ZodError. */
function encodeRequest(subject: string, contract: RpcContract<z.ZodType, z.ZodType>, body: unknown): Uint8Array {
  const parsed = contract.request.safeParse(body);
  if (!parsed.success) {
    throw new CertgateError(ErrorCode.validationFailed, `invalid request: ${describeIssues(parsed.error.issues)}`, { subject, issues: parsed.error.issues });
  }
  return encodeJson(parsed.data);
}

function unwrapReply<Res extends z.ZodType>(subject: string, contract: RpcContract<z.ZodType, Res>, data: Uint8Array): z.output<Res> {
  let reply;
  try {
    reply = rpcReplySchema.parse(decodeJson(data));
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
