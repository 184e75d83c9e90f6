// The committed JSON Schema of the declarative tenant configuration file, generated from
// the zod schema in libs/contracts (tenantConfigurationSchema) as JSON.stringify writes it
// (the file is in .prettierignore: its generator formats it). Regenerate after changing the schema:
//   node -r @swc-node/register tools/config-schema.ts
// tools/config-schema.spec.ts fails while the committed file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tenantConfigurationJsonSchema } from '@certgate/contracts';

export const CONFIG_SCHEMA_FILE = join(__dirname, '..', 'docs', 'config', 'certgate-config.schema.json');
export const REGENERATE_COMMAND = 'node -r @swc-node/register tools/config-schema.ts';

/** The file's text as it must be committed. */
export function renderConfigSchema(): string {
  return JSON.stringify(tenantConfigurationJsonSchema(), null, 2) + '\n';
}

function main(): void {
  const text = renderConfigSchema();
  const current = (() => {
    try {
      return readFileSync(CONFIG_SCHEMA_FILE, 'utf8');
    } catch {
      return undefined;
    }
  })();
  const name = relative(process.cwd(), CONFIG_SCHEMA_FILE);
  if (current === text) {
    process.stdout.write(`${name} is up to date\n`);
    return;
  }
  writeFileSync(CONFIG_SCHEMA_FILE, text);
  process.stdout.write(`wrote ${name}\n`);
}

if (require.main === module) main();
