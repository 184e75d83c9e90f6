import { z } from 'zod';
import { emptySchema, voidSchema } from '../common';
import { eventContract, rpcContract } from '../rpc';
import {
  apiTokenViewSchema,
  createApiTokenSchema,
  createdApiTokenSchema,
  createOperatorSchema,
  operatorNameSchema,
  operatorSchema,
  updateOperatorSchema,
} from './model';
import { createSessionSchema, sessionIdSchema, sessionViewSchema } from './session';

const operatorRef = z.object({ name: operatorNameSchema });
const tokenRef = z.object({ id: z.string().regex(/^[0-9a-f]{16}$/, 'a token id is 16 hex digits') });

/** The operators of the admin plane and their API tokens: identity keeps them, the console asks. */
export const OperatorsRpc = {
  list: rpcContract('identity.operators.list.v1', emptySchema, z.object({ operators: z.array(operatorSchema) })),
  create: rpcContract('identity.operators.create.v1', createOperatorSchema, operatorSchema),
  get: rpcContract('identity.operators.get.v1', operatorRef, operatorSchema),
  update: rpcContract('identity.operators.update.v1', operatorRef.extend({ body: updateOperatorSchema }), operatorSchema),
  /** Deletes the operator and revokes every token of it. */
  delete: rpcContract('identity.operators.delete.v1', operatorRef, voidSchema),
  listTokens: rpcContract('identity.operators.tokens.list.v1', operatorRef, z.object({ tokens: z.array(apiTokenViewSchema) })),
  createToken: rpcContract('identity.operators.tokens.create.v1', operatorRef.extend({ body: createApiTokenSchema }), createdApiTokenSchema),
  revokeToken: rpcContract('identity.operators.tokens.revoke.v1', tokenRef, apiTokenViewSchema),
  /** A web console session (the console has checked the credential); identity draws the id and sets the expiry. */
  createSession: rpcContract('identity.operators.sessions.create.v1', createSessionSchema, sessionViewSchema),
  /** Sign-out: deleting a session that is gone already is no error. */
  deleteSession: rpcContract('identity.operators.sessions.delete.v1', z.object({ id: sessionIdSchema }), voidSchema),
} as const;

/** A console replica saw a token used (at most once a minute per token and replica): identity records lastUsedAt. */
export const apiTokenUsedEvent = eventContract('identity.operators.tokens.used.v1', tokenRef.extend({ at: z.string() }));
