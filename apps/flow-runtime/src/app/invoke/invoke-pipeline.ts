import { decide, readAuthorization, type Credential, type Decision, type SystemKeyState } from '@certgate/authz';
import type { FlowDefinition, InvokeRequest, InvokeResponse, MplRecord } from '@certgate/contracts';
import type { ServedFlow } from '../state/flow-index';
import { runSteps, type InboundMessage, type OutboundMessage } from '../steps/step-engine';
import { RenderedTooLarge } from '../steps/template';
import { buildCredential, type PrincipalLookup, type TokenCheck } from './credential';
import type { NormalizedDnCache } from './dn-cache';
import { errorResponse, receiverFailedResponse, responseTooLargeResponse } from './invoke-responses';

/** A flow's message on its way to the receiver. */
export interface ReceiverCall {
  receiver: NonNullable<FlowDefinition['receiver']>;
  requestId: string;
  /** The sender's method. */
  method: string;
  /** After the steps: headers (lower case) and body to send. */
  message: Pick<OutboundMessage, 'headers' | 'body'>;
}

/** The receiver's answer, or why there is none (one sentence, for the MPL and the sender). */
export type ReceiverResult = { ok: true; status: number; headers: Record<string, string>; body: Buffer } | { ok: false; error: string };

export interface ReceiverCaller {
  /** Never rejects for a failed call: a failure is a result. */
  call(call: ReceiverCall): Promise<ReceiverResult>;
}

/** What the pipeline reads, all from the replica's memory: no I/O on the request path. */
export interface InvokeDeps {
  flowAt(address: string): ServedFlow | undefined;
  principals: PrincipalLookup;
  tokens: TokenCheck;
  systemKey(): SystemKeyState;
  mode: 'standard' | 'classic';
  dnCache: NormalizedDnCache;
  receiver: ReceiverCaller;
}

/** The answer plus what the message processing log records about it. */
export interface InvokeOutcome {
  response: InvokeResponse;
  outcome: MplRecord['outcome'];
  flowId?: string;
  principal?: string;
  error?: string;
}

type Headers = InvokeRequest['headers'];

/**
 * Flow lookup → credential → authorization decision → steps (→ receiver). Denies unless
 * everything says yes. Answers synchronously, from memory, except when a Bearer token is
 * seen for the first time and its signature must be checked, and for flows with a
 * receiver, which wait for its answer.
 */
export function handleInvoke(req: InvokeRequest, deps: InvokeDeps, nowMs = Date.now()): InvokeOutcome | Promise<InvokeOutcome> {
  const served = deps.flowAt(req.address);
  if (!served) return noFlow(req, deps, nowMs);
  const headers = lowerCaseNames(req.headers);
  const credential = buildCredential(req.tls, headers, deps.principals, deps.tokens, nowMs);
  if (credential instanceof Promise) return credential.then((c) => decideAndRun(req, headers, served, c, deps));
  return decideAndRun(req, headers, served, credential, deps);
}

function decideAndRun(
  req: InvokeRequest,
  headers: Headers,
  served: ServedFlow,
  credential: Credential,
  deps: InvokeDeps,
): InvokeOutcome | Promise<InvokeOutcome> {
  const { definition, certificateMatchers } = served.flow;
  const flowId = definition.id;
  const decision = decide({
    authorization: definition.sender.authorization,
    certificateMatchers,
    credential,
    systemKey: deps.systemKey(),
    mode: deps.mode,
    normalizedDNs:
      served.hasDnMatchers && credential.kind === 'certificate'
        ? deps.dnCache.get(credential.fingerprint, credential.subjectDN, credential.issuerDN)
        : undefined,
  });
  if (!decision.allow) {
    // Who was refused goes to the access log only when authenticated (403), never for a failed login.
    const principal = decision.status === 403 ? principalName(credential) : undefined;
    const response: InvokeResponse = {
      ...denialResponse(decision),
      denial: { reason: decision.reason, description: decision.description },
      ...(principal ? { principal } : {}),
    };
    return { response, outcome: 'denied', flowId, principal, error: decision.description };
  }
  const principal = decision.principal;
  // The access log's <who> is a mapped identity only (design §3); an unmapped sender of a
  // DN-listed flow is logged by the ingress as <CN>@<issuer CN> instead of its full DN.
  const mapped = principalName(credential);
  const who = mapped ? { principal: mapped } : {};
  const inbound: InboundMessage = {
    principal,
    address: req.address,
    method: req.method,
    headers,
    body: () => req.body,
  };
  if (definition.receiver) {
    const message = runStepsBounded(served.steps, inbound, 'request');
    if (message instanceof RenderedTooLarge) return tooLarge(message, flowId, principal, who);
    return deps.receiver.call({ receiver: definition.receiver, requestId: req.requestId, method: req.method, message }).then((result): InvokeOutcome => {
      if (!result.ok) return { response: { ...receiverFailedResponse(result.error), ...who }, outcome: 'failed', flowId, principal, error: result.error };
      const response: InvokeResponse = { status: result.status, headers: result.headers, body: result.body, ...who };
      // Relayed as it came; the MPL still marks a message the receiver refused or failed on.
      return result.status >= 400
        ? { response, outcome: 'failed', flowId, principal, error: `the receiver answered with status ${result.status}` }
        : { response, outcome: 'completed', flowId, principal };
    });
  }
  const out = runStepsBounded(served.steps, inbound);
  if (out instanceof RenderedTooLarge) return tooLarge(out, flowId, principal, who);
  return { response: { status: out.status, headers: out.headers, body: out.body, ...who }, outcome: 'completed', flowId, principal };
}

function runStepsBounded(...args: Parameters<typeof runSteps>): ReturnType<typeof runSteps> | RenderedTooLarge {
  try {
    return runSteps(...args);
  } catch (err) {
    if (err instanceof RenderedTooLarge) return err;
    throw err;
  }
}

function tooLarge(err: RenderedTooLarge, flowId: string, principal: string, who: { principal?: string }): InvokeOutcome {
  return { response: { ...responseTooLargeResponse(err.message), ...who }, outcome: 'failed', flowId, principal, error: err.message };
}

/**
 * No flow at the address. A credential that does not authenticate (a wrong Basic secret,
 * an unknown Bearer token, a verified certificate in no service key) gets the 401 every
 * deployed flow would give it, so a stranger cannot tell which addresses hold a flow;
 * a caller that authenticates gets the 404. Requests with no usable credential at all
 * are the ingress' to answer (INGRESS_UNAUTHENTICATED_NOT_FOUND), so they keep the 404
 * here. Only this path pays for the lookup.
 */
function noFlow(req: InvokeRequest, deps: InvokeDeps, nowMs: number): InvokeOutcome | Promise<InvokeOutcome> {
  const description = `no flow is deployed at address '${req.address}'`;
  const notFound: InvokeOutcome = { response: errorResponse(404, 'not_found', description), outcome: 'not_found', error: description };
  const headers = lowerCaseNames(req.headers);
  const authorization = headers.authorization;
  const judgedHere = req.tls.status === 'verified' || (authorization !== undefined && readAuthorization({ authorization }).kind !== 'malformed');
  if (!judgedHere) return notFound;
  const settle = (credential: Credential): InvokeOutcome => {
    const decision = decide({
      authorization: { type: 'role', role: 'no-flow' },
      certificateMatchers: [],
      credential,
      systemKey: deps.systemKey(),
      mode: deps.mode,
    });
    if (decision.allow || decision.status !== 401) return notFound;
    return {
      response: { ...denialResponse(decision), denial: { reason: decision.reason, description: decision.description } },
      outcome: 'not_found',
      error: `${description}; answered 401, as every flow would: ${decision.description}`,
    };
  };
  const credential = buildCredential(req.tls, headers, deps.principals, deps.tokens, nowMs);
  return credential instanceof Promise ? credential.then(settle) : settle(credential);
}

function principalName(credential: Credential): string | undefined {
  return credential.kind === 'certificate' || credential.kind === 'basic' || credential.kind === 'bearer' ? credential.principal?.name : undefined;
}

/** RFC 6750 §3: a refused Bearer token is also named in `WWW-Authenticate`. */
function denialResponse(decision: Extract<Decision, { allow: false }>): InvokeResponse {
  const response = errorResponse(decision.status, decision.error, decision.description);
  if (decision.error !== 'invalid_token') return response;
  const challenge = `Bearer error="invalid_token", error_description="${decision.description.replace(/["\\]/g, "'").replace(/[^\x20-\x7e]/g, '?')}"`;
  return { ...response, headers: { ...response.headers, 'www-authenticate': challenge } };
}

/**
 * The ingress forwards Node's lower-cased names; anything else is lower-cased here.
 * Names that then collide keep all their values (two authorization headers are refused, not picked from).
 */
function lowerCaseNames(headers: Headers): Headers {
  let mixed = false;
  for (const name in headers) if (name !== name.toLowerCase()) mixed = true;
  if (!mixed) return headers;
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    const key = name.toLowerCase();
    const prior = out[key];
    out[key] = prior === undefined ? value : [...[prior].flat(), ...[value].flat()];
  }
  return out;
}
