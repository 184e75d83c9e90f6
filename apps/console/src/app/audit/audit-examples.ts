import type { AuditRecord, ChainVerdict } from '@certgate/contracts';

export const auditRecordExample: AuditRecord = {
  v: 1,
  index: 42,
  id: '5b0e1d6c-3f2a-4c8e-9a71-0d4c2e8b7f16',
  at: '2026-12-07T09:14:03.512Z',
  requestId: '0f3c2a9e-8d41-4b7a-9c55-2e6b1d0a7f13',
  who: { kind: 'operator', operator: 'sam', tokenId: '3fa2c1d09b7e4a61', roles: ['security'], address: '10.0.4.17', surface: 'cli' },
  what: {
    operation: 'POST /ingress/trusted-roots',
    object: '/ingress/trusted-roots/9f2c6e0b8a4d1f3e5c7a9b0d2e4f6a8c1b3d5e7f9a0c2e4b6d8f0a1c3e5b7d9f',
    permission: 'trusted-roots:write',
    after: 'c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2',
  },
  outcome: { status: 201, result: 'ok' },
  prev: '8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a09f',
  hash: '1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809',
};

export const chainVerdictExample: ChainVerdict & { stream: string } = {
  ok: false,
  records: 1204,
  first: 1,
  last: 1204,
  lastHash: '1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809',
  breaks: [
    {
      index: 17,
      seq: 17,
      id: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
      problem: 'edited',
      message: 'record 17 (id 9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a, stream sequence 17) was edited: its hash does not match its content',
    },
  ],
  stream: 'certgate_default_AUDIT',
};
