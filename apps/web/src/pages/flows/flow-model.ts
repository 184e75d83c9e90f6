// A flow as the page holds it: the API's definition, the form's values, and the text of
// the YAML/JSON editor — with the conversions between them, parse errors with their
// line, and the line of a field the API names (details.field).
import YAML from 'yaml';
import type { paths } from '../../api/schema';

export type FlowView = paths['/api/v1/flows']['get']['responses'][200]['content']['application/json'][number];
export type FlowDefinition = paths['/api/v1/flows/{id}']['put']['requestBody']['content']['application/json'];
export type Format = 'yaml' | 'json';

export type CertificateEntry = { kind: 'pem'; pem: string; label: string } | { kind: 'dn'; subjectDN: string; issuerDN: string };

export interface StepValues {
  type: 'respond' | 'set-header' | 'echo';
  status: number | string;
  body: string;
  /** `Name: value`, one a line (a respond step's headers). */
  headers: string;
  name: string;
  value: string;
}

export interface FlowValues extends Record<string, unknown> {
  id: string;
  sender: {
    address: string;
    authorization: { type: 'role' | 'client-certificate'; role: string | null; certificates: CertificateEntry[] };
  };
  steps: StepValues[];
  receiver: { enabled: boolean; url: string; authentication: { type: 'client-certificate' | 'none'; privateKeyAlias: string | null } };
}

export const newStep = (type: StepValues['type'] = 'respond'): StepValues => ({
  type,
  status: 200,
  body: type === 'respond' ? 'ok ${principal}' : '',
  headers: '',
  name: '',
  value: '',
});

export const emptyFlow = (): FlowValues => ({
  id: '',
  sender: { address: '', authorization: { type: 'role', role: null, certificates: [] } },
  steps: [newStep()],
  receiver: { enabled: false, url: '', authentication: { type: 'client-certificate', privateKeyAlias: null } },
});

/** `Name: value` lines → headers; a line without a colon is an error naming it. */
export function parseHeaders(text: string): { headers?: Record<string, string>; error?: string } {
  const headers: Record<string, string> = {};
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line) continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return { error: `line ${i + 1}: write a header as Name: value` };
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return Object.keys(headers).length ? { headers } : {};
}

type Step = NonNullable<FlowDefinition['steps']>[number];

function stepOf(s: StepValues): Step {
  if (s.type === 'echo') return { type: 'echo' };
  if (s.type === 'set-header') return { type: 'set-header', name: s.name, value: s.value };
  const { headers } = parseHeaders(s.headers);
  return { type: 'respond', status: Number(s.status), ...(s.body !== '' && { body: s.body }), ...(headers && { headers }) };
}

/** The form's values as the definition the API takes. */
export function toDefinition(v: FlowValues): FlowDefinition {
  const a = v.sender.authorization;
  return {
    id: v.id.trim(),
    sender: {
      address: v.sender.address.trim(),
      authorization:
        a.type === 'role'
          ? { type: 'role', role: a.role ?? '' }
          : {
              type: 'client-certificate',
              certificates: a.certificates.map((c) => (c.kind === 'pem' ? { pem: c.pem } : { subjectDN: c.subjectDN.trim(), issuerDN: c.issuerDN.trim() })),
            },
    },
    steps: v.steps.map(stepOf),
    ...(v.receiver.enabled && {
      receiver: {
        url: v.receiver.url.trim(),
        authentication:
          v.receiver.authentication.type === 'none'
            ? { type: 'none' as const }
            : {
                type: 'client-certificate' as const,
                ...(v.receiver.authentication.privateKeyAlias && { privateKeyAlias: v.receiver.authentication.privateKeyAlias }),
              },
      },
    }),
  };
}

/** A definition (deployed, or parsed from the editor) as the form's values. */
export function fromDefinition(d: FlowDefinition): FlowValues {
  const a = d.sender.authorization;
  return {
    id: d.id,
    sender: {
      address: d.sender.address,
      authorization:
        a.type === 'role'
          ? { type: 'role', role: a.role, certificates: [] }
          : {
              type: 'client-certificate',
              role: null,
              certificates: a.certificates.map((c, i) =>
                'pem' in c ? { kind: 'pem' as const, pem: c.pem, label: `certificate ${i + 1} (PEM)` } : { kind: 'dn' as const, ...c },
              ),
            },
    },
    steps: (d.steps ?? []).map((s) => {
      if (s.type === 'respond')
        return {
          ...newStep('respond'),
          status: s.status,
          body: s.body ?? '',
          headers: Object.entries(s.headers ?? {})
            .map(([k, val]) => `${k}: ${val}`)
            .join('\n'),
        };
      if (s.type === 'set-header') return { ...newStep('set-header'), name: s.name, value: s.value };
      return newStep('echo');
    }),
    receiver: d.receiver
      ? {
          enabled: true,
          url: d.receiver.url,
          authentication:
            d.receiver.authentication.type === 'none'
              ? { type: 'none', privateKeyAlias: null }
              : { type: 'client-certificate', privateKeyAlias: d.receiver.authentication.privateKeyAlias ?? null },
        }
      : { enabled: false, url: '', authentication: { type: 'client-certificate', privateKeyAlias: null } },
  };
}

/** A definition as the editor's text. */
export function toText(d: unknown, format: Format): string {
  return format === 'json' ? `${JSON.stringify(d, null, 2)}\n` : YAML.stringify(d, { lineWidth: 0 });
}

export interface TextProblem {
  message: string;
  /** 1-based. */
  line: number;
  column: number;
  /** Offsets in the text (for the editor's mark). */
  from: number;
  to: number;
}

const lineStart = (text: string, line: number) => {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', at);
    if (next < 0) return text.length;
    at = next + 1;
  }
  return at;
};

function problemAt(text: string, offset: number, message: string): TextProblem {
  const pos = Math.max(0, Math.min(offset, text.length));
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - (before.lastIndexOf('\n') + 1) + 1;
  const start = lineStart(text, line);
  const end = text.indexOf('\n', start);
  return { message, line, column, from: start, to: end < 0 ? text.length : end };
}

/** The editor's text as a value, or the first problem with its line (YAML or JSON syntax; not an object). */
export function parseText(text: string, format: Format): { value: unknown; problem?: undefined } | { value?: undefined; problem: TextProblem } {
  let value: unknown;
  if (format === 'json') {
    try {
      value = JSON.parse(text);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const at = /at position (\d+)/.exec(message);
      const clean = message.replace(/\s*in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '');
      return { problem: problemAt(text, at ? Number(at[1]) : text.length, `JSON: ${clean}`) };
    }
  } else {
    const doc = YAML.parseDocument(text);
    const first = doc.errors[0];
    if (first) return { problem: problemAt(text, first.pos[0], `YAML: ${first.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}`) };
    value = doc.toJS();
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return { problem: problemAt(text, 0, 'A flow definition is an object: id, sender, steps and receiver') };
  return { value };
}

/** `sender.authorization.certificates[2]` → `['sender', 'authorization', 'certificates', 2]`. */
export const pathOf = (field: string): (string | number)[] =>
  field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/**
 * Where the field the API names is in the editor's text (YAML or JSON: JSON parses as
 * YAML with the same offsets): the line of its value, or of the nearest enclosing field
 * present; line 1 when none is.
 */
export function locateField(text: string, field: string, message: string): TextProblem {
  const doc = YAML.parseDocument(text);
  const path = pathOf(field);
  for (let n = path.length; n > 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return problemAt(text, node.range[0], message);
  }
  return problemAt(text, 0, message);
}
