import { parseDocument, stringify } from 'yaml';
import { TENANT_CONFIGURATION_API_VERSION, TENANT_CONFIGURATION_KIND, tenantConfigurationSchema, type TenantConfiguration } from '@certgate/contracts';
import { CliError } from '../console/console-target';
import type { FullSpec, NSpec } from './model';

export type ConfigFormat = 'yaml' | 'json';

export type ParsedFile = { ok: true; config: TenantConfiguration } | { ok: false; problems: string[] };

/**
 * Reads the text of a configuration file: YAML, or JSON (which YAML reads too). Every
 * problem is returned (a syntax error with its line, each schema issue with its path
 * and, where the list item has one, its name), never thrown.
 */
export function parseConfiguration(text: string): ParsedFile {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length) {
    // The message ends with ` at line L, column C:` and a code frame: the position goes first, the frame is dropped.
    const line = (e: (typeof doc.errors)[number]) => e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    return { ok: false, problems: doc.errors.map((e) => `${e.linePos ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}: ` : ''}${line(e)}`) };
  }
  const raw: unknown = doc.toJS();
  const parsed = tenantConfigurationSchema.safeParse(raw);
  if (parsed.success) return { ok: true, config: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    const path = describePath(raw, issue.path);
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  return { ok: false, problems: [...new Set(problems)] };
}

/** `spec.flows[0] (orders).sender.authorization.role`: the index as in the file, the name to find it by. */
export function describePath(raw: unknown, path: readonly PropertyKey[]): string {
  let out = '';
  let at: unknown = raw;
  for (const part of path) {
    at = at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[part] : undefined;
    if (typeof part === 'number') {
      out += `[${part}]`;
      const name = nameOf(at);
      if (name) out += ` (${name})`;
    } else {
      out += out ? `.${String(part)}` : String(part);
    }
  }
  return out;
}

function nameOf(item: unknown): string | undefined {
  if (item === null || typeof item !== 'object') return undefined;
  const o = item as Record<string, unknown>;
  for (const field of ['name', 'id', 'alias', 'url', 'source', 'user']) if (typeof o[field] === 'string') return o[field] as string;
  return undefined;
}

/**
 * The document export writes: fixed key order, every list present (`keys` only for
 * client_x509 instances: no other instance can hold an external-certificate key).
 */
export function configurationDocument(spec: FullSpec): { apiVersion: string; kind: string; spec: NSpec } {
  return {
    apiVersion: TENANT_CONFIGURATION_API_VERSION,
    kind: TENANT_CONFIGURATION_KIND,
    spec: {
      trustedRoots: spec.trustedRoots,
      ingressHosts: spec.ingressHosts,
      roles: spec.roles,
      serviceInstances: spec.serviceInstances.map(({ keys, ...instance }) =>
        instance.parameters['grant-types'].includes('client_x509') ? { ...instance, keys } : instance,
      ),
      flows: spec.flows,
      classic: { users: spec.classic.users, groups: spec.classic.groups, mappings: spec.classic.mappings },
      keystore: { trustedCertificates: spec.keystore.trustedCertificates, keyPairs: spec.keystore.keyPairs },
      alerts: { mutes: spec.alerts.mutes, subscriptions: spec.alerts.subscriptions },
    },
  };
}

/** YAML (certificates as literal blocks, no line folding, no anchors) or JSON with two-space indent; ends with a newline. */
export function renderConfiguration(spec: FullSpec, format: ConfigFormat): string {
  const doc = configurationDocument(spec);
  assertRoundTrip(doc);
  if (format === 'json') return JSON.stringify(doc, null, 2) + '\n';
  const header = `# certgate tenant configuration: certgate diff -f FILE shows what apply would change, certgate apply -f FILE applies it.\n`;
  return header + stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false, indent: 2 });
}

/** What export writes must read back as itself: a failure here is a bug of export, not of the tenant. */
function assertRoundTrip(doc: { spec: NSpec }): void {
  const parsed = tenantConfigurationSchema.safeParse(doc);
  if (!parsed.success) {
    throw new CliError(`the export does not satisfy the file's schema: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
}

export function formatOf(file: string | undefined, explicit?: ConfigFormat): ConfigFormat {
  if (explicit) return explicit;
  return file && /\.json$/i.test(file) ? 'json' : 'yaml';
}
