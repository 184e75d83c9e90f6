import type { Request } from 'express';
import type { AuditEntry } from '@certgate/contracts';
import { AuditRecorder } from './audit-recorder';
import type { AuditStream } from './audit-stream';

const request = (ip: string, authorization?: string) =>
  ({ method: 'DELETE', path: '/api/v1/flows/x', headers: authorization ? { authorization } : {}, ip, socket: {} }) as unknown as Request;

describe('AuditRecorder', () => {
  const appended: AuditEntry[] = [];
  const stream = { append: async (e: AuditEntry) => (appended.push(e), e) } as unknown as AuditStream;

  beforeEach(() => (appended.length = 0));

  it('records a request once: the filter does not write a second record for what the interceptor wrote', async () => {
    const recorder = new AuditRecorder(stream);
    const req = request('10.0.0.1');
    (req as unknown as { principal: unknown }).principal = { kind: 'admin-token', roles: ['admin'] };
    expect(recorder.pending(req)).toBe(true);
    await recorder.record(req, { object: '/flows/x' }, { status: 204 });
    expect(recorder.pending(req)).toBe(false);
    expect(appended).toHaveLength(1);
  });

  it('keeps at most 30 refusals a minute of callers without credentials per address, so a flood cannot push real records out', async () => {
    const recorder = new AuditRecorder(stream);
    for (let i = 0; i < 40; i++) await recorder.record(request('10.0.0.9', 'Bearer nope'), { object: '/flows/x' }, { status: 401 });
    await recorder.record(request('10.0.0.8', 'Bearer nope'), { object: '/flows/x' }, { status: 401 });
    expect(appended.filter((e) => e.who.address === '10.0.0.9')).toHaveLength(30);
    expect(appended.filter((e) => e.who.address === '10.0.0.8')).toHaveLength(1);
  });

  it('adds what the interceptor learnt (permission, digest before) to a refusal the filter records', async () => {
    const recorder = new AuditRecorder(stream);
    const req = request('10.0.0.1');
    (req as unknown as { principal: unknown }).principal = { kind: 'admin-token', roles: ['admin'] };
    recorder.note(req, { permission: 'flows:write', before: 'a'.repeat(64) });
    await recorder.record(req, { object: '/flows/x' }, { status: 409, code: 'address_in_use' });
    expect(appended[0].what).toEqual({ operation: 'DELETE /flows/x', object: '/flows/x', permission: 'flows:write', before: 'a'.repeat(64) });
  });
});
