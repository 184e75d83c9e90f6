// The console's OpenAPI document and the web console's typed API client, both committed:
//   apps/console/openapi.json      the document /api/docs-json serves, built without NATS
//   apps/web/src/api/schema.d.ts   its TypeScript types (openapi-typescript), for openapi-fetch
// Regenerate both after changing a route, a contract schema or an example:
//   node -r @swc-node/register tools/openapi-document.ts
// `--check` writes nothing and exits 1 naming the stale files; tools/openapi-document.spec.ts
// fails the same way. Both files are in .prettierignore: this script formats them.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { VERSION } from '@certgate/platform';
import { offlineOpenApiDocument } from '../apps/console/src/app/common/openapi-document';

const root = join(__dirname, '..');
const OPENAPI_FILE = join(root, 'apps', 'console', 'openapi.json');
const SCHEMA_FILE = join(root, 'apps', 'web', 'src', 'api', 'schema.d.ts');
const REGENERATE_COMMAND = 'node -r @swc-node/register tools/openapi-document.ts';

const HEADER = `// Generated from apps/console/openapi.json by tools/openapi-document.ts (openapi-typescript): do not edit.\n// Regenerate: ${REGENERATE_COMMAND}\n\n`;

/** Both files' text as they must be committed. */
async function renderOpenApiFiles(): Promise<{ file: string; text: string }[]> {
  const document = await offlineOpenApiDocument(VERSION);
  const json = JSON.stringify(document, null, 2) + '\n';
  // openapi-typescript reads the document as committed (a plain JSON value).
  const ast = await openapiTS(JSON.parse(json) as Parameters<typeof openapiTS>[0]);
  return [
    { file: OPENAPI_FILE, text: json },
    { file: SCHEMA_FILE, text: HEADER + astToString(ast) },
  ];
}

function read(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  for (const { file, text } of await renderOpenApiFiles()) {
    const name = relative(root, file);
    if (read(file) === text) {
      process.stdout.write(`${name} is up to date\n`);
    } else if (check) {
      process.stdout.write(`${name} is stale: regenerate it with\n  ${REGENERATE_COMMAND}\n`);
      process.exitCode = 1;
    } else {
      writeFileSync(file, text);
      process.stdout.write(`wrote ${name}\n`);
    }
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`${String((err as Error)?.stack ?? err)}\n`);
    process.exit(1);
  });
}
