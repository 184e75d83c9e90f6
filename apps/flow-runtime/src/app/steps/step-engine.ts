import type { FlowStep } from '@certgate/contracts';
import { isReservedResponseHeader, sanitizeHeaderValue } from './response-headers';
import { compileTemplate, renderTemplate, type Template, type TemplateContext } from './template';

/** A rendered header value: far above any real one, far below what the ingress' HTTP parser or a sender's would take. */
const MAX_RENDERED_HEADER_CHARS = 16 * 1024;

/** A flow step with its templates parsed, as a replica keeps it in memory. */
export type CompiledStep =
  | { type: 'respond'; status: number; body: Template; headers: readonly (readonly [string, Template])[] }
  | { type: 'set-header'; name: string; value: Template }
  | { type: 'echo' };

/** The message a flow processes: the sender's request plus who it runs as. */
export interface InboundMessage {
  principal: string;
  address: string;
  method: string;
  /** Header names in lower case, as the ingress forwards them. */
  headers: Readonly<Record<string, string | readonly string[]>>;
  body(): Buffer;
}

export interface OutboundMessage {
  status: number;
  /** Lower-case names, never a reserved (hop-by-hop) header. */
  headers: Record<string, string>;
  body: Buffer;
}

const TEXT = 'text/plain; charset=utf-8';

export function compileSteps(steps: readonly FlowStep[]): CompiledStep[] {
  return steps.map((step): CompiledStep => {
    switch (step.type) {
      case 'respond':
        return {
          type: 'respond',
          status: step.status,
          body: compileTemplate(step.body),
          headers: Object.entries(step.headers ?? {}).map(([name, value]) => [name.toLowerCase(), compileTemplate(value)] as const),
        };
      case 'set-header':
        return { type: 'set-header', name: step.name.toLowerCase(), value: compileTemplate(step.value) };
      case 'echo':
        return { type: 'echo' };
    }
  });
}

/**
 * Runs the steps in order. `respond` sets status and body (the last one wins) and its
 * headers; `set-header` sets one header; `echo` makes the request body the response
 * body, with the request's content type. No respond or echo: 200 with an empty body.
 *
 * `start: 'request'` (a flow with a receiver) starts from the sender's body and content
 * type instead, as an echo would, since that message then travels on to the receiver.
 */
export function runSteps(steps: readonly CompiledStep[], message: InboundMessage, start: 'empty' | 'request' = 'empty'): OutboundMessage {
  const ctx = templateContext(message);
  const out: OutboundMessage = { status: 200, headers: {}, body: Buffer.alloc(0) };
  // Whether the content type is the sender's (from echo), which a later respond replaces.
  let senderType = start === 'request';
  if (senderType) echo(out, message);
  const setHeader = (name: string, value: string) => {
    if (isReservedResponseHeader(name)) return;
    out.headers[name] = sanitizeHeaderValue(value);
    if (name === 'content-type') senderType = false;
  };
  for (const step of steps) {
    switch (step.type) {
      case 'respond':
        out.status = step.status;
        out.body = Buffer.from(renderTemplate(step.body, ctx), 'utf8');
        // A content type a step set earlier (set-header) is kept: the flow author chose it.
        // The sender's (echo, or the start of a receiver flow) described the body replaced here.
        if (senderType || out.headers['content-type'] === undefined) out.headers['content-type'] = TEXT;
        senderType = false;
        for (const [name, value] of step.headers) setHeader(name, renderTemplate(value, ctx, MAX_RENDERED_HEADER_CHARS));
        break;
      case 'set-header':
        setHeader(step.name, renderTemplate(step.value, ctx, MAX_RENDERED_HEADER_CHARS));
        break;
      case 'echo':
        echo(out, message);
        senderType = true;
        break;
    }
  }
  return out;
}

/** The request body becomes the message body, with the request's content type (or none). */
function echo(out: OutboundMessage, message: InboundMessage): void {
  out.body = message.body();
  const type = firstValue(message.headers['content-type']);
  if (type) out.headers['content-type'] = sanitizeHeaderValue(type);
  else delete out.headers['content-type'];
}

function templateContext(message: InboundMessage): TemplateContext {
  let text: string | undefined;
  return {
    principal: message.principal,
    address: message.address,
    method: message.method,
    header: (name) => {
      const value = message.headers[name];
      return typeof value === 'string' ? value : (value?.join(', ') ?? '');
    },
    bodyText: () => (text ??= message.body().toString('utf8')),
  };
}

function firstValue(value: string | readonly string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : value?.[0];
}
