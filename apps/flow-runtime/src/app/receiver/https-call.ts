import type { TLSSocket } from 'node:tls';
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { request, type Agent } from 'node:https';
import { ReceiverFailure, describeCallError, type CallStage, type CallTarget } from './receiver-failure';

export interface ReceiverAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface HttpsCall {
  url: URL;
  method: string;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  /** Carries the TLS context (client key pair and trusted certificates) of this call. */
  agent: Agent;
  /** Absolute time (Date.now()) by which the answer must be complete. */
  deadline: number;
  /** For the timeout sentence: the configured receiver timeout. */
  timeoutMs: number;
  maxBodyBytes: number;
  target: CallTarget;
  /** How many trusted certificates the context holds (0 gets its own sentence). */
  trustedCount: number;
}

/** A kept-alive connection the receiver closed while idle: the request never reached it. */
class StaleConnection extends Error {}

/**
 * One https request to the receiver, with its answer read into memory up to the cap.
 * A request that met a kept-alive connection the receiver had just closed is sent
 * again once on a new connection (nothing of it was answered, so nothing was processed).
 */
export async function callReceiverOnce(call: HttpsCall): Promise<ReceiverAnswer> {
  try {
    return await attempt(call);
  } catch (err) {
    if (!(err instanceof StaleConnection)) throw err;
    return attempt(call, true);
  }
}

function attempt(call: HttpsCall, retried = false): Promise<ReceiverAnswer> {
  const { target, maxBodyBytes } = call;
  const where = `${target.host}:${target.port}`;
  return new Promise<ReceiverAnswer>((resolve, reject) => {
    const stage: CallStage = { secured: false, reused: false, answered: false };
    let done = false;
    const finish = (outcome: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      outcome();
    };
    const fail = (err: unknown) =>
      finish(() => {
        req.destroy();
        // The reviewing agent reports a connection lost after its handshake before the request ever saw the socket.
        if ((err as { afterHandshake?: boolean } | undefined)?.afterHandshake) stage.secured = true;
        const code = (err as NodeJS.ErrnoException | undefined)?.code;
        if (!retried && stage.reused && !stage.answered && (code === 'ECONNRESET' || code === 'EPIPE')) reject(new StaleConnection());
        else reject(new ReceiverFailure(describeCallError(err, target, stage, call.trustedCount)));
      });

    const req = request(call.url, { method: call.method, headers: call.headers, agent: call.agent }, (res) => {
      stage.answered = true;
      const declared = Number(res.headers['content-length']);
      if (declared > maxBodyBytes) return fail(new ReceiverFailure(`the receiver's answer is larger than ${maxBodyBytes} bytes (content-length ${declared})`));
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBodyBytes) fail(new ReceiverFailure(`the receiver's answer is larger than ${maxBodyBytes} bytes`));
        else chunks.push(chunk);
      });
      res.on('end', () => finish(() => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks, size) })));
      res.on('error', fail);
      res.on('close', () => {
        if (!res.complete) fail(Object.assign(new Error('the answer was cut off'), { code: 'ECONNRESET' }));
      });
    });
    req.on('socket', (socket) => {
      stage.reused = req.reusedSocket;
      // A ReviewedAgent hands over a socket only once its handshake is done and reviewed.
      if (!stage.reused) {
        if ((socket as TLSSocket).encrypted && !(socket as TLSSocket).connecting && (socket as TLSSocket).authorized) stage.secured = true;
        else socket.once('secureConnect', () => (stage.secured = true));
      }
    });
    req.on('error', fail);
    const timer = setTimeout(
      () => fail(new ReceiverFailure(`the receiver at ${where} did not answer within ${call.timeoutMs} ms`)),
      Math.max(0, call.deadline - Date.now()),
    );
    req.end(call.body);
  });
}
