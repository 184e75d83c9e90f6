import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/**
 * One request and its response as a suite saw it: the shape `CERTGATE_HTTP_LOG` writes
 * (apps/cli/src/api/exchange-log.ts) and {@link ExchangeRecorder} records.
 */
export interface RecordedExchange {
  method: string;
  /** The URL path as sent (percent-encoded), e.g. `/api/v1/users/john.doe%40acme.com`. */
  path: string;
  query?: Record<string, string>;
  status: number;
  contentType?: string;
  /** The response body when it is JSON. */
  body?: unknown;
  /** Size of a body that is not JSON. */
  bytes?: number;
  /**
   * The suite called, on purpose, a route that is not part of the API (a 404 probe): the
   * document must have no operation for it.
   */
  undocumented?: boolean;
  /** Where it was recorded (`file:line`), for the report. */
  source?: string;
}

/** The parts of an OpenAPI 3.1 document the check reads. */
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
}

interface Operation {
  operationId?: string;
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

interface Template {
  path: string;
  regex: RegExp;
  /** Literal segments first: `/alerts/watch` wins over `/alerts/{id}`. */
  literals: boolean[];
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);
const DOCUMENT_ID = 'https://certgate.invalid/openapi.json';

const pointer = (...parts: string[]) => '#/' + parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
const mediaTypeOf = (contentType: string) => contentType.split(';')[0].trim().toLowerCase();
const isJson = (mediaType: string) => /^application\/([a-z0-9.+-]*\+)?json$/.test(mediaType);

/**
 * Checks responses against the operations of an OpenAPI 3.1 document: the status must be
 * one the operation lists, the content type one of that response's media types (no body
 * where it has none), and a JSON body must validate against its schema (Ajv, JSON Schema
 * 2020-12, the dialect of OAS 3.1). A response of a path or method the document does not
 * have fails as well. Each problem names the operation, the status and Ajv's error path.
 */
export class OpenApiResponseValidator {
  private readonly ajv: Ajv2020;
  private readonly templates: Template[];
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly document: OpenApiDocument) {
    if (!/^3\.1\./.test(document.openapi)) throw new Error(`expected an OpenAPI 3.1 document, got openapi: ${document.openapi}`);
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.ajv);
    this.ajv.addSchema({ ...document, $id: DOCUMENT_ID });
    this.templates = Object.keys(document.paths).map((path) => {
      const segments = path.split('/').slice(1);
      const regex = new RegExp('^/' + segments.map((s) => (/^\{[^}]+\}$/.test(s) ? '[^/]+' : escapeRegex(s))).join('/') + '/?$');
      return { path, regex, literals: segments.map((s) => !/^\{[^}]+\}$/.test(s)) };
    });
  }

  /** The document's path template an actual path falls under (the most literal one), if any. */
  templateOf(method: string, path: string): string | undefined {
    const candidates = this.templates
      .filter((t) => t.regex.test(path) && this.document.paths[t.path][method.toLowerCase()] !== undefined)
      .sort((a, b) => compareLiterals(b.literals, a.literals));
    return candidates[0]?.path;
  }

  /** What is wrong with one exchange: nothing (`[]`) when the document describes it. */
  check(exchange: RecordedExchange): string[] {
    const method = exchange.method.toLowerCase();
    const template = this.templateOf(method, exchange.path);
    const seen = `${exchange.method.toUpperCase()} ${exchange.path} → ${exchange.status}`;
    if (exchange.undocumented) {
      return template ? [`${seen}: called as a route outside the API, but the document has ${exchange.method.toUpperCase()} ${template}`] : [];
    }
    if (!template || !METHODS.has(method)) return [`${seen}: the document has no operation for ${exchange.method.toUpperCase()} ${exchange.path}`];
    const op = this.document.paths[template][method] as Operation;
    const name = `${op.operationId ?? '?'} (${exchange.method.toUpperCase()} ${template}) → ${exchange.status}`;
    const status = String(exchange.status);
    const statusKey = [status, `${status[0]}XX`, 'default'].find((k) => op.responses[k] !== undefined);
    if (!statusKey) return [`${name}: status ${status} is not documented (the operation lists ${Object.keys(op.responses).join(', ')})`];
    const content = op.responses[statusKey].content;
    const hasBody = exchange.body !== undefined || (exchange.bytes ?? 0) > 0;
    if (!content || Object.keys(content).length === 0) {
      return hasBody ? [`${name}: the document gives this response no body, but it had one (${exchange.contentType ?? 'no content type'})`] : [];
    }
    if (!exchange.contentType) return [`${name}: no content type, the document lists ${Object.keys(content).join(', ')}`];
    const mediaType = mediaTypeOf(exchange.contentType);
    const documented = Object.keys(content).find((k) => k.toLowerCase() === mediaType) ?? Object.keys(content).find((k) => matchesRange(k, mediaType));
    if (!documented) return [`${name}: content type ${mediaType} is not documented (the response lists ${Object.keys(content).join(', ')})`];
    if (!isJson(mediaType)) return [];
    if (exchange.body === undefined) return [`${name}: a JSON response without a JSON body`];
    if (content[documented].schema === undefined) return [];
    const validate = this.validator(pointer('paths', template, method, 'responses', statusKey, 'content', documented, 'schema'));
    if (validate(exchange.body)) return [];
    return (validate.errors ?? []).map((e) => `${name}: ${describe(e)}`);
  }

  private validator(ref: string): ValidateFunction {
    let validate = this.compiled.get(ref);
    if (!validate) {
      validate = this.ajv.getSchema(DOCUMENT_ID + ref);
      if (!validate) throw new Error(`no schema at ${ref}`);
      this.compiled.set(ref, validate);
    }
    return validate;
  }
}

/** `body/keys/0 must NOT have additional properties {"additionalProperty":"url"} (#/properties/keys/...)`. */
function describe(e: ErrorObject): string {
  const params = Object.keys(e.params ?? {}).length ? ` ${JSON.stringify(e.params)}` : '';
  return `body${e.instancePath || ''} ${e.message ?? 'is invalid'}${params} (schema ${e.schemaPath})`;
}

function compareLiterals(a: boolean[], b: boolean[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] ? 1 : -1;
  return 0;
}

function matchesRange(range: string, mediaType: string): boolean {
  const [type, sub] = range.toLowerCase().split('/');
  return (type === '*' || type === mediaType.split('/')[0]) && sub === '*';
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Checks many exchanges; the report groups identical problems (same operation, status
 * and error) with their count and where each group was first seen.
 */
export function checkExchanges(document: OpenApiDocument, exchanges: readonly RecordedExchange[]): string[] {
  const validator = new OpenApiResponseValidator(document);
  const problems = new Map<string, { count: number; source?: string }>();
  for (const exchange of exchanges) {
    for (const problem of validator.check(exchange)) {
      const seen = problems.get(problem);
      problems.set(problem, { count: (seen?.count ?? 0) + 1, source: seen?.source ?? exchange.source });
    }
  }
  return [...problems.entries()].map(([problem, { count, source }]) => `${problem}${count > 1 ? ` (${count} times)` : ''}${source ? ` [${source}]` : ''}`);
}
