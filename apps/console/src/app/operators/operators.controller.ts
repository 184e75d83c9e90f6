import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Req, UseGuards } from '@nestjs/common';
import type { Request } from 'express';
import { z } from 'zod';
import {
  ErrorCode,
  OPERATOR_ROLES,
  OperatorsRpc,
  PERMISSIONS,
  rolesGrant,
  SESSION_VIA,
  type ApiTokenView,
  type CreatedApiToken,
  type Operator,
} from '@certgate/contracts';
import { CertgateClient } from '@certgate/messaging';
import { csrfTokenOfRequest } from '../auth/csrf';
import { AdminTokenGuard, principalOf, type Principal } from '../common/admin-token.guard';
import { AdminApi, ApiBodyFrom, ApiErrors, ApiJsonResponse, ApiNoContentResponse, Summary } from '../common/openapi';
import { Requires } from '../common/requires.decorator';
import { ZodBody } from '../common/zod-body.pipe';

const AT = '2026-12-07T09:00:00.000Z';
const operatorExample: Operator = { name: 'mona', roles: ['monitor'], enabled: true, createdAt: AT };
const tokenExample: ApiTokenView = { id: '4f1c2a9b7d3e8a60', operator: 'mona', description: 'dashboard', createdAt: AT, expiresAt: '2027-03-07T09:00:00.000Z' };

const createBody = OperatorsRpc.create.request;
const updateBody = OperatorsRpc.update.request.shape.body;
const tokenBody = OperatorsRpc.createToken.request.shape.body;

export const meSchema = z.object({
  kind: z.enum(['admin-token', 'operator', 'session']),
  operator: z.string().optional(),
  tokenId: z.string().optional(),
  roles: z.array(z.enum(OPERATOR_ROLES)),
  permissions: z.array(z.enum(PERMISSIONS)),
  /** A web console session: how it was made, its id, its end, and the CSRF token its writes need (kept in memory only). */
  via: z.enum(SESSION_VIA).optional(),
  sessionId: z.string().optional(),
  expiresAt: z.string().optional(),
  csrfToken: z.string().optional(),
});
export type Me = z.infer<typeof meSchema>;

/** What GET /me answers for a principal (and POST /auth/session for the session it made). */
export function meOf(p: Principal, csrfToken?: string): Me {
  return {
    kind: p.kind,
    ...(p.kind !== 'admin-token' && p.operator !== undefined && { operator: p.operator }),
    ...(p.kind !== 'admin-token' && p.tokenId !== undefined && { tokenId: p.tokenId }),
    roles: [...p.roles],
    permissions: PERMISSIONS.filter((perm) => rolesGrant(p.roles, perm)),
    ...(p.kind === 'session' && { via: p.via, sessionId: p.sessionId, expiresAt: p.expiresAt, ...(csrfToken && { csrfToken }) }),
  };
}

@AdminApi('operators')
@UseGuards(AdminTokenGuard)
@Controller()
export class OperatorsController {
  constructor(private readonly rpc: CertgateClient) {}

  @Requires('health:read')
  @Get('me')
  @Summary(
    'Who the token or session belongs to: its operator, roles and the permissions they grant (what a client may offer)',
    "With the session cookie it also answers the session's CSRF token, which the web console keeps in memory only and gets here again after a reload.",
  )
  @ApiJsonResponse(200, meSchema, {
    description: 'the caller',
    example: { kind: 'operator', operator: 'mona', tokenId: tokenExample.id, roles: ['monitor'], permissions: ['health:read'] },
  })
  me(@Req() req: Request): Me {
    const p = principalOf(req);
    if (!p) throw new Error('the guard sets the principal');
    return meOf(p, p.kind === 'session' ? csrfTokenOfRequest(req) : undefined);
  }

  @Requires('operators:read')
  @Get('operators')
  @Summary('Operators of the admin plane with their roles')
  @ApiJsonResponse(200, OperatorsRpc.list.response.shape.operators, { description: 'every operator', example: [operatorExample] })
  async list(): Promise<Operator[]> {
    return (await this.rpc.request(OperatorsRpc.list, {})).operators;
  }

  @Requires('operators:write')
  @Post('operators')
  @Summary('Create an operator: {"name", "roles": [admin|security|developer|monitor|auditor], "enabled"?}')
  @ApiBodyFrom(createBody, { monitor: { summary: 'a read-only operator', value: { name: 'mona', roles: ['monitor'] } } })
  @ApiJsonResponse(201, OperatorsRpc.create.response, { description: 'the operator', example: operatorExample })
  @ApiErrors(ErrorCode.operatorExists)
  create(@Body(new ZodBody(createBody)) body: z.input<typeof createBody>): Promise<Operator> {
    return this.rpc.request(OperatorsRpc.create, body);
  }

  @Requires('operators:read')
  @Get('operators/:name')
  @Summary('One operator')
  @ApiJsonResponse(200, OperatorsRpc.get.response, { description: 'the operator', example: operatorExample })
  @ApiErrors(ErrorCode.operatorNotFound)
  get(@Param('name') name: string): Promise<Operator> {
    return this.rpc.request(OperatorsRpc.get, { name });
  }

  @Requires('operators:write')
  @Patch('operators/:name')
  @Summary("Change an operator's roles or enable/disable it; its tokens follow at once on every replica")
  @ApiBodyFrom(updateBody, { disable: { summary: 'disable', value: { enabled: false } }, roles: { summary: 'new roles', value: { roles: ['developer'] } } })
  @ApiJsonResponse(200, OperatorsRpc.update.response, { description: 'the operator', example: operatorExample })
  @ApiErrors(ErrorCode.operatorNotFound)
  update(@Param('name') name: string, @Body(new ZodBody(updateBody)) body: z.infer<typeof updateBody>): Promise<Operator> {
    return this.rpc.request(OperatorsRpc.update, { name, body });
  }

  @Requires('operators:write')
  @Delete('operators/:name')
  @HttpCode(204)
  @Summary('Delete an operator; its tokens are revoked first')
  @ApiNoContentResponse('deleted')
  @ApiErrors(ErrorCode.operatorNotFound)
  async remove(@Param('name') name: string): Promise<void> {
    await this.rpc.request(OperatorsRpc.delete, { name });
  }

  @Requires('operators:read')
  @Get('operators/:name/tokens')
  @Summary("An operator's API tokens (never their secrets)")
  @ApiJsonResponse(200, OperatorsRpc.listTokens.response.shape.tokens, { description: 'the tokens', example: [tokenExample] })
  @ApiErrors(ErrorCode.operatorNotFound)
  async tokens(@Param('name') name: string): Promise<ApiTokenView[]> {
    return (await this.rpc.request(OperatorsRpc.listTokens, { name })).tokens;
  }

  @Requires('operators:write')
  @Post('operators/:name/tokens')
  @Summary('Make an API token for an operator (90 days unless expiresInDays or expiresAt says otherwise); the token is shown once')
  @ApiBodyFrom(tokenBody, { dashboard: { summary: 'for 30 days', value: { description: 'dashboard', expiresInDays: 30 } } })
  @ApiJsonResponse(201, OperatorsRpc.createToken.response, {
    description: 'the token, shown this once',
    example: { ...tokenExample, token: `cgt.default.${tokenExample.id}.${'s'.repeat(43)}` },
  })
  @ApiErrors(ErrorCode.operatorNotFound)
  createToken(@Param('name') name: string, @Body(new ZodBody(tokenBody)) body: z.infer<typeof tokenBody>): Promise<CreatedApiToken> {
    return this.rpc.request(OperatorsRpc.createToken, { name, body });
  }

  @Requires('operators:write')
  @Post('api-tokens/:id/revoke')
  @HttpCode(200)
  @Summary('Revoke an API token: refused by every console replica within a second')
  @ApiJsonResponse(200, OperatorsRpc.revokeToken.response, { description: 'the token, with revokedAt', example: { ...tokenExample, revokedAt: AT } })
  @ApiErrors(ErrorCode.tokenNotFound)
  revoke(@Param('id') id: string): Promise<ApiTokenView> {
    return this.rpc.request(OperatorsRpc.revokeToken, { id });
  }
}
