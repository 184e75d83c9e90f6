/**
 * An error of the console API as the web console shows it: the HTTP status, the domain
 * code (`error` of the body, docs/errors.md), the message for people and the details
 * (`details.field` names the field at fault). Every failed call rejects with one
 * (api/client.ts), so components never read response bodies themselves.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** HTTP status; 0 when the console did not answer at all. */
    readonly status: number,
    /** The domain code (`role_in_use`, `certificate_expired`, ...), or `network_error`. */
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }

  /** The request field at fault (`details.field`, a dotted path such as `parameters.roles[1]`), when the API names one. */
  get field(): string | undefined {
    return typeof this.details?.field === 'string' ? this.details.field : undefined;
  }

  /** A list of names in the details (`details.instances` of `role_in_use`, ...), empty when absent. */
  names(key: string): string[] {
    const value = this.details?.[key];
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  }
}

/** The API's error body `{error, message, details?}` of a failed response, as an ApiError. */
export async function apiErrorOf(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const b = body as { error?: unknown; message?: unknown; details?: unknown } | undefined;
  if (typeof b?.error === 'string' && typeof b.message === 'string') {
    const details = b.details && typeof b.details === 'object' ? (b.details as Record<string, unknown>) : undefined;
    return new ApiError(response.status, b.error, b.message, details);
  }
  return new ApiError(response.status, `http_${response.status}`, `the console answered ${response.status} ${response.statusText}`.trim());
}

/** Anything a call threw, as an ApiError (a bug in our own code keeps its message). */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError(0, 'client_error', err instanceof Error ? err.message : String(err));
}
