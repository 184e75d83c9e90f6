import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';

/** OpenAPI schema straight from the contract's zod schema, so the docs cannot drift from validation. */
export const jsonSchemaOf = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;

export const ApiBodyFrom = (schema: z.ZodType) => ApiBody({ schema: jsonSchemaOf(schema) });
export const ApiResponseFrom = (schema: z.ZodType, description = 'OK') => ApiOkResponse({ description, schema: jsonSchemaOf(schema) });

export const AdminApi = (tag: string) => applyDecorators(ApiTags(tag), ApiBearerAuth());
export const Summary = (summary: string) => ApiOperation({ summary });
