import type { UseFormReturnType } from '@mantine/form';
import { useCallback, useState } from 'react';
import { toApiError, type ApiError } from '../api/errors';
import { FieldErrorText } from './ApiErrorAlert';

/** `parameters.roles[1]` (the API's dotted path) → `parameters.roles.1` (Mantine form's). */
export const formPathOf = (field: string) => field.replace(/\[(\d+)\]/g, '.$1');

/**
 * Errors of a form's submission: an error whose `details.field` names a field of the form
 * goes next to that field (`form.setFieldError`); any other is returned as `error`, for an
 * <ApiErrorAlert> in the form. `fields` maps API field paths to form paths where they differ.
 *
 *   const { error, handle, clear } = useFormApiError(form);
 *   mutation.mutate(body, { onError: handle });
 *   <ApiErrorAlert error={error} title="Could not create the role" />
 */
export function useFormApiError<Values extends Record<string, unknown>>(form: UseFormReturnType<Values>, fields: Record<string, string> = {}) {
  const [error, setError] = useState<ApiError>();

  const handle = (err: unknown) => {
    const e = toApiError(err);
    const path = e.field === undefined ? undefined : (fields[e.field] ?? formPathOf(e.field));
    const top = path?.split('.')[0];
    if (path && top !== undefined && top in form.getValues()) {
      setError(undefined);
      form.setFieldError(path, <FieldErrorText message={e.message} code={e.code} />);
      return;
    }
    setError(e);
  };

  const clear = useCallback(() => setError(undefined), []);
  return { error, handle, clear };
}
