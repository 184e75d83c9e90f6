import type { Msg, NatsConnection, Subscription } from 'nats';
import type { z } from 'zod';
import {
  CertgateError,
  ErrorCode,
  validationFailure,
  tenantSubject,
  type RpcContract,
  type AnyRpcContract,
  type RpcReply,
  errorMessage,
} from '@certgate/contracts';
import { maxPayloadOf, MAX_CHUNKED_REPLY_BYTES, publishChunks } from './chunks';
import { decodeRpcRequest, encodeRpcReply } from './rpc-wire';
import { natsUnavailable } from './errors';
import { type MessagingLogger, silentLogger } from './logger';

export type RequestHandlerFn<Req extends z.ZodType, Res extends z.ZodType> = (body: z.output<Req>, msg: Msg) => Promise<z.input<Res>> | z.input<Res>;

export interface ServeOptions {
  tenant: string;
  /** Queue group: one replica answers. Omit to have every replica answer. */
  queue?: string;
  logger?: MessagingLogger;
}

/**
 * Answers a contract's subject: validates the request (400 with the issues), runs the
 * handler, and replies `{ok, data}` or `{ok:false, error}`. A NATS call of the handler's
 * that nobody answered is service_unavailable (503: try again); other unknown failures
 * are logged and answered as a generic internal error, never with their text.
 */
export function serveRpc<Req extends z.ZodType, Res extends z.ZodType>(
  nc: NatsConnection,
  contract: RpcContract<Req, Res>,
  handler: RequestHandlerFn<Req, Res>,
  opts: ServeOptions,
): Subscription {
  const logger = opts.logger ?? silentLogger;
  const subject = tenantSubject(opts.tenant, contract.subject);
  return nc.subscribe(subject, {
    queue: opts.queue,
    callback: (err, msg) => {
      if (err) {
        logger.error('subscription failed', { subject, error: err.message });
        return;
      }
      handle(nc, contract, handler, msg, logger);
    },
  });
}

/**
 * Validates, runs the handler and answers. A handler that returns a value (not a
 * promise) is answered in the same tick, without a round through the microtask queue.
 */
function handle<Req extends z.ZodType, Res extends z.ZodType>(
  nc: NatsConnection,
  contract: RpcContract<Req, Res>,
  handler: RequestHandlerFn<Req, Res>,
  msg: Msg,
  logger: MessagingLogger,
): void {
  let result: unknown;
  try {
    let raw: unknown;
    try {
      raw = decodeRpcRequest(contract, msg.data);
    } catch {
      throw new CertgateError(ErrorCode.invalidJson, 'request body is not valid JSON');
    }
    const parsed = contract.request.safeParse(raw ?? {});
    if (!parsed.success) {
      throw validationFailure('invalid request', parsed.error.issues);
    }
    result = handler(parsed.data, msg);
  } catch (err) {
    respond(nc, contract, msg, failureReply(err, msg, logger), logger);
    return;
  }
  if (isPromiseLike(result)) {
    result.then(
      (data) => respond(nc, contract, msg, { ok: true, data }, logger),
      (err: unknown) => respond(nc, contract, msg, failureReply(err, msg, logger), logger),
    );
  } else {
    respond(nc, contract, msg, { ok: true, data: result }, logger);
  }
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | undefined)?.then === 'function';
}

function failureReply(err: unknown, msg: Msg, logger: MessagingLogger): RpcReply {
  if (err instanceof CertgateError) return { ok: false, error: err.toBody() };
  const unavailable = natsUnavailable(err);
  if (unavailable) {
    logger.warn('handler could not reach NATS', { subject: msg.subject, error: unavailable.message });
    return { ok: false, error: unavailable.toBody() };
  }
  logger.error('handler failed', { subject: msg.subject, error: errorMessage(err) });
  return { ok: false, error: { code: ErrorCode.internal, message: 'internal error' } };
}

/**
 * A reply that cannot be encoded (BigInt, cycles) still answers, as an internal error.
 * One larger than a NATS message goes in chunks (a list of large flows, a flow's large
 * response); one too large even for that is answered at once as payload_too_large,
 * never left to time out.
 */
function respond(nc: NatsConnection, contract: AnyRpcContract, msg: Msg, reply: RpcReply, logger: MessagingLogger): void {
  let payload: Uint8Array;
  try {
    payload = encodeRpcReply(contract, reply);
  } catch (err) {
    logger.error('reply could not be encoded', { subject: msg.subject, error: errorMessage(err) });
    payload = encodeRpcReply(contract, { ok: false, error: { code: ErrorCode.internal, message: 'internal error' } });
  }
  const maxPayload = maxPayloadOf(nc);
  if (payload.length > MAX_CHUNKED_REPLY_BYTES) {
    logger.warn('reply too large', { subject: msg.subject, bytes: payload.length });
    payload = encodeRpcReply(contract, {
      ok: false,
      error: {
        code: ErrorCode.payloadTooLarge,
        message: `the answer would be ${payload.length} bytes, more than the ${MAX_CHUNKED_REPLY_BYTES} bytes certgate sends over NATS for one request`,
        details: { bytes: payload.length, limit: MAX_CHUNKED_REPLY_BYTES },
      },
    });
  }
  try {
    if (payload.length > maxPayload && msg.reply) publishChunks(nc, msg.reply, payload, maxPayload);
    else msg.respond(payload);
  } catch (err) {
    logger.warn('reply could not be sent', { subject: msg.subject, error: errorMessage(err) });
  }
}
