import { ApiError, toApiError } from '../../api/errors';
import type { paths } from '../../api/schema';

export type Instance = paths['/api/v1/service-instances']['get']['responses'][200]['content']['application/json'][number];
export type ServiceKey = paths['/api/v1/service-instances/{name}/keys']['get']['responses'][200]['content']['application/json'][number];
export type CreatedKey = paths['/api/v1/service-instances/{name}/keys']['post']['responses'][201]['content']['application/json'];
export type GrantType = 'client_x509' | 'client_credentials';

export const INSTANCES = ['get', '/api/v1/service-instances'] as const;
export const KEYS = ['get', '/api/v1/service-instances/{name}/keys'] as const;

export const grantTypeOf = (i: Pick<Instance, 'parameters'>): GrantType =>
  i.parameters['grant-types'][0] === 'client_credentials' ? 'client_credentials' : 'client_x509';

/**
 * The error with `details.field` less its last index (`parameters.roles[1]` →
 * `parameters.roles`): the field of a multi-value input (a MultiSelect, a TagsInput) is
 * the whole list, so the error goes next to it.
 */
export function atListField(err: unknown): ApiError {
  const e = toApiError(err);
  if (e.field === undefined || !/\[\d+\]$/.test(e.field)) return e;
  return new ApiError(e.status, e.code, e.message, { ...e.details, field: e.field.replace(/\[\d+\]$/, '') });
}

/** A file name made of names (`sender-a-k1`): anything but letters, digits, `.`, `_` and `-` becomes `_`. */
export const fileNameOf = (...parts: string[]) => parts.join('-').replace(/[^A-Za-z0-9._-]/g, '_');

/** Files a PEM certificate comes in; the console checks the content. */
export const PEM_FILES = {
  'application/x-pem-file': ['.pem'],
  'application/x-x509-ca-cert': ['.crt', '.cer'],
  'application/pkix-cert': ['.crt', '.cer'],
  'text/plain': ['.pem', '.crt', '.cer', '.txt'],
};
