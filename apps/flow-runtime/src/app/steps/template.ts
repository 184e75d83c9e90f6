/** What a template can refer to: the message being processed. */
export interface TemplateContext {
  principal: string;
  address: string;
  method: string;
  /** A request header, several values joined by ', '; '' when absent. */
  header(name: string): string;
  /** The request body as UTF-8 text (decoded only when a template asks for it). */
  bodyText(): string;
}

type Part = string | { ref: 'principal' | 'address' | 'method' | 'body' } | { ref: 'header'; name: string };

/** A template parsed once (at deployment / cache rebuild), rendered per message. */
export interface Template {
  readonly parts: readonly Part[];
}

const PLACEHOLDER = /\$\{([^}]*)\}/g;
const HEADER_REF = /^header\.([A-Za-z0-9!#$%&'*+.^_`|~-]{1,128})$/;
const SIMPLE_REFS = new Set(['principal', 'address', 'method', 'body']);

export const PLACEHOLDER_HELP = '${principal}, ${address}, ${method}, ${header.<name>} or ${body}';

function refOf(expr: string): Exclude<Part, string> | undefined {
  if (SIMPLE_REFS.has(expr)) return { ref: expr as 'principal' | 'address' | 'method' | 'body' };
  const header = HEADER_REF.exec(expr);
  return header ? { ref: 'header', name: header[1].toLowerCase() } : undefined;
}

/** Placeholders a template names that do not exist (deployment refuses them). */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].filter((m) => !refOf(m[1])).map((m) => m[0]);
}

/** Unknown placeholders stay as written (deployment refuses them; flows written to KV directly may still hold some). */
export function compileTemplate(text: string): Template {
  const parts: Part[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const ref = refOf(m[1]);
    if (!ref) continue;
    if (m.index > last) parts.push(text.slice(last, m.index));
    parts.push(ref);
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return { parts };
}

/**
 * The most characters one rendered template may have. A template of a few KB that
 * names `${body}` thousands of times would otherwise build a string of gigabytes from one
 * request; the flow's answer is refused (502) instead, at once.
 */
export const MAX_RENDERED_CHARS = 16 * 1024 * 1024;

export class RenderedTooLarge extends Error {
  override readonly name = 'RenderedTooLarge';
  constructor(readonly limit: number) {
    super(`the flow's response would be larger than ${limit} characters (a template repeats the request's data)`);
  }
}

export function renderTemplate(template: Template, ctx: TemplateContext, limit = MAX_RENDERED_CHARS): string {
  let out = '';
  for (const part of template.parts) {
    if (typeof part === 'string') out += part;
    else if (part.ref === 'header') out += ctx.header(part.name);
    else if (part.ref === 'body') out += ctx.bodyText();
    else out += ctx[part.ref];
    if (out.length > limit) throw new RenderedTooLarge(limit);
  }
  return out;
}
