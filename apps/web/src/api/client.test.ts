import { describe, expect, it, vi } from 'vitest';
import { apiError, json, mockApi } from '../test/render';
import { createApiClient } from './client';
import { ApiError } from './errors';

describe('the API client', () => {
  it('goes with the session cookie, no token, and sends the CSRF token of the moment with every change, never with a read', async () => {
    let csrf = 'first-csrf-token';
    const api = mockApi({ 'GET /api/v1/roles': [], 'POST /api/v1/roles': {}, 'DELETE /api/v1/roles/R': new Response(null, { status: 204 }) });
    const client = createApiClient({ csrfToken: () => csrf, fetch: api.fetch });
    await client.GET('/api/v1/roles');
    await client.POST('/api/v1/roles', { body: { name: 'R' } });
    csrf = 'second-csrf-token';
    await client.DELETE('/api/v1/roles/{name}', { params: { path: { name: 'R' } } });
    expect(api.calls.map((c) => [c.method, c.csrf, c.credentials, c.authorization])).toEqual([
      ['GET', null, 'same-origin', null],
      ['POST', 'first-csrf-token', 'same-origin', null],
      ['DELETE', 'second-csrf-token', 'same-origin', null],
    ]);
  });

  it('calls onForbidden on a 403, and still rejects', async () => {
    const onForbidden = vi.fn();
    const api = mockApi({ 'POST /api/v1/roles': apiError(403, 'forbidden', 'this operation needs the permission roles:write', { permission: 'roles:write' }) });
    const client = createApiClient({ fetch: api.fetch, onForbidden });
    await expect(client.POST('/api/v1/roles', { body: { name: 'R' } })).rejects.toMatchObject({ status: 403, code: 'forbidden' });
    expect(onForbidden).toHaveBeenCalledTimes(1);
  });

  it('turns an error body into an ApiError with status, code, message and details', async () => {
    const api = mockApi({
      'DELETE /api/v1/roles/R': apiError(409, 'role_in_use', "role 'R' is in use", { role: 'R', instances: ['sender-a'], flows: [], users: [], groups: [] }),
    });
    const client = createApiClient({ fetch: api.fetch });
    const err = await client.DELETE('/api/v1/roles/{name}', { params: { path: { name: 'R' } } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 409, code: 'role_in_use', message: "role 'R' is in use", details: { role: 'R' } });
    expect((err as ApiError).names('instances')).toEqual(['sender-a']);
  });

  it('names the field of details.field', async () => {
    const api = mockApi({ 'POST /api/v1/roles': apiError(400, 'validation_failed', 'invalid request body: name: bad', { field: 'name' }) });
    const client = createApiClient({ fetch: api.fetch });
    const err = (await client.POST('/api/v1/roles', { body: { name: '!' } }).catch((e: unknown) => e)) as ApiError;
    expect(err.field).toBe('name');
  });

  it('calls onUnauthorized on a 401, and still rejects', async () => {
    const onUnauthorized = vi.fn();
    const api = mockApi({ 'GET /api/v1/health': apiError(401, 'unauthorized', 'the bearer token is neither the admin token nor an API token') });
    const client = createApiClient({ fetch: api.fetch, onUnauthorized });
    await expect(client.GET('/api/v1/health')).rejects.toMatchObject({ status: 401, code: 'unauthorized' });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('makes an answer that is not the error shape (a proxy page) and a failed fetch ApiErrors too', async () => {
    const html = mockApi({ 'GET /api/v1/health': new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }) });
    await expect(createApiClient({ fetch: html.fetch }).GET('/api/v1/health')).rejects.toMatchObject({ status: 502, code: 'http_502' });
    const down = vi.fn(async () => {
      throw new TypeError('fetch failed');
    });
    await expect(createApiClient({ fetch: down }).GET('/api/v1/health')).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });

  it('returns the data of a success', async () => {
    const api = mockApi({ 'GET /api/v1/roles/R/json': json(200, { roles: ['R'] }) });
    const { data } = await createApiClient({ fetch: api.fetch }).GET('/api/v1/roles/{name}/json', { params: { path: { name: 'R' } } });
    expect(data).toEqual({ roles: ['R'] });
  });
});
