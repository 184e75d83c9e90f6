import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { rolesGranting, type Permission } from '@certgate/contracts';

export const PERMISSION_METADATA = 'certgate:permission';

/**
 * The permission an operation needs (libs/contracts/src/operators/permissions.ts). The
 * guard refuses an operation that names none, so a new route is closed until it says
 * who may call it; the OpenAPI document shows it as `x-certgate-permission`.
 */
export const Requires = (permission: Permission) =>
  applyDecorators(SetMetadata(PERMISSION_METADATA, permission), ApiExtension('x-certgate-permission', { permission, roles: rolesGranting(permission) }));
