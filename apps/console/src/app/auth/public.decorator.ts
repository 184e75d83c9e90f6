import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const PUBLIC_METADATA = 'certgate:public';
export const SESSION_ONLY_METADATA = 'certgate:session-only';

/**
 * A route the guard lets through without a credential: the sign-in and single sign-on
 * routes, which make the session the guard would ask for, and the sign-in page's
 * settings. The OpenAPI document shows it with no security (`security: []`).
 * Deliberate exemptions from `@Requires`, listed in permissions.spec.ts.
 */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_METADATA, true), ApiExtension('x-certgate-public', true));

/**
 * A route for whoever holds a web console session, whatever their roles, and for no
 * bearer token: sign-out (everybody may end their own session, so no permission applies).
 */
export const SessionOnly = () => SetMetadata(SESSION_ONLY_METADATA, true);
