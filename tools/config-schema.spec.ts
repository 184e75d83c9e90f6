import { readFileSync } from 'node:fs';
import { CONFIG_SCHEMA_FILE, REGENERATE_COMMAND, renderConfigSchema } from './config-schema';

describe('docs/config/certgate-config.schema.json', () => {
  it('is what the zod schema generates (else regenerate it)', () => {
    const committed = readFileSync(CONFIG_SCHEMA_FILE, 'utf8');
    const generated = renderConfigSchema();
    if (committed !== generated) {
      throw new Error(
        `docs/config/certgate-config.schema.json is stale: the schema in libs/contracts/src/config changed. Regenerate it with\n  ${REGENERATE_COMMAND}`,
      );
    }
    expect(JSON.parse(committed)).toMatchObject({ title: 'certgate tenant configuration', properties: { apiVersion: { const: 'certgate/v1' } } });
  });
});
