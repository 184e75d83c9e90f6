import { Controller, Get, UseGuards } from '@nestjs/common';
import { tenantConfigurationJsonSchema } from '@certgate/contracts';
import { AdminTokenGuard } from '../common/admin-token.guard';
import { AdminApi, Summary } from '../common/openapi';

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

  @Get('schema')
  @Summary('JSON Schema (draft 2020-12) of the tenant configuration file that certgate export writes and certgate diff/apply read')
  jsonSchema(): Record<string, unknown> {
    return this.schema;
  }
}
