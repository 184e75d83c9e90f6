import { Controller, Get, UseGuards } from '@nestjs/common';
import { tenantConfigurationJsonSchema } from '@certgate/contracts';
import { AdminTokenGuard } from '../common/admin-token.guard';
import type { SchemaObject } from '@nestjs/swagger';
import { AdminApi, ApiJsonSchemaResponse, ApiServedByConsole, Summary } from '../common/openapi';
import { Requires } from '../common/requires.decorator';

/**
 * The JSON Schema of the declarative tenant configuration file (`certgate export`,
 * `diff`, `apply`), for editors and CI checks. Generated from the contract's zod schema
 * once, the same as docs/config/certgate-config.schema.json.
 */
@AdminApi('config')
@UseGuards(AdminTokenGuard)
@Controller('config')
export class ConfigController {
  private readonly schema = tenantConfigurationJsonSchema();

  @Requires('config:read')
  @Get('schema')
  @Summary('JSON Schema (draft 2020-12) of the tenant configuration file that certgate export writes and certgate diff/apply read')
  @ApiJsonSchemaResponse(
    200,
    {
      type: 'object',
      description: 'a JSON Schema document (draft 2020-12)',
      properties: { $schema: { const: 'https://json-schema.org/draft/2020-12/schema' }, title: { type: 'string' } },
      required: ['$schema'],
    } as SchemaObject,
    {
      description: 'the JSON Schema of the configuration file (docs/config/certgate-config.schema.json)',
      example: { $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'certgate tenant configuration', type: 'object' },
    },
  )
  @ApiServedByConsole()
  jsonSchema(): Record<string, unknown> {
    return this.schema;
  }
}
