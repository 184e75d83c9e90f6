import { ApiError, toApiError } from '../../api/errors';
import type { paths } from '../../api/schema';

export type Mapping = paths['/api/v1/certificate-user-mappings']['get']['responses'][200]['content']['application/json'][number];
export type User = paths['/api/v1/users']['get']['responses'][200]['content']['application/json'][number];
export type Group = paths['/api/v1/groups']['get']['responses'][200]['content']['application/json'][number];

export const MAPPINGS = ['get', '/api/v1/certificate-user-mappings'] as const;
export const USERS = ['get', '/api/v1/users'] as const;
export const GROUPS = ['get', '/api/v1/groups'] as const;
export const ROLES = ['get', '/api/v1/roles'] as const;

/** The error with `details.field` less its last index (`roles[1]` → `roles`): a multi-value input's field is the whole list. */
export function atListField(err: unknown): ApiError {
  const e = toApiError(err);
  if (e.field === undefined || !/\[\d+\]$/.test(e.field)) return e;
  return new ApiError(e.status, e.code, e.message, { ...e.details, field: e.field.replace(/\[\d+\]$/, '') });
}

/** Files a PEM certificate comes in; the console checks the content. */
export const PEM_FILES = {
  'application/x-pem-file': ['.pem'],
  'application/x-x509-ca-cert': ['.crt', '.cer'],
  'application/pkix-cert': ['.crt', '.cer'],
  'text/plain': ['.pem', '.crt', '.cer', '.txt'],
};
