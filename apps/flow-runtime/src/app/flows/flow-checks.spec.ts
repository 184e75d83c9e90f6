import { CertgateError, type FlowDefinition } from '@certgate/contracts';
import { checkFlowSteps } from './flow-checks';

const flow = (steps: FlowDefinition['steps']): FlowDefinition => ({
  id: 'f',
  sender: { address: '/f', authorization: { type: 'role', role: 'Role1' } },
  steps,
});

function problem(steps: FlowDefinition['steps']): string {
  try {
    checkFlowSteps(flow(steps));
  } catch (err) {
    if (err instanceof CertgateError && err.code === 'validation_failed') return err.message;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('checkFlowSteps', () => {
  it('accepts the documented placeholders and ordinary headers', () => {
    expect(() =>
      checkFlowSteps(
        flow([
          { type: 'set-header', name: 'X-Who', value: '${principal} ${header.x-request-id}' },
          { type: 'respond', status: 200, body: '${method} ${address} ${body}', headers: { 'content-type': 'text/plain' } },
          { type: 'echo' },
        ]),
      ),
    ).not.toThrow();
  });

  it('refuses an unknown placeholder, naming step, field and the ones that exist', () => {
    expect(problem([{ type: 'respond', status: 200, body: 'hi ${user}' }])).toBe(
      "steps[0].body: unknown placeholder '${user}'; use ${principal}, ${address}, ${method}, ${header.<name>} or ${body}",
    );
  });

  it('refuses hop-by-hop and framing headers in set-header and respond', () => {
    expect(problem([{ type: 'set-header', name: 'Transfer-Encoding', value: 'chunked' }])).toMatch(
      /^steps\[0\]\.name: 'Transfer-Encoding' is managed by the ingress/,
    );
    expect(problem([{ type: 'echo' }, { type: 'respond', status: 200, body: '', headers: { 'content-length': '3' } }])).toMatch(
      /^steps\[1\]\.headers\.content-length: /,
    );
  });

  it('reports every problem at once', () => {
    const message = problem([
      { type: 'set-header', name: 'connection', value: '${nope}' },
      { type: 'respond', status: 200, body: '${x}' },
    ]);
    expect(message.split('; steps').length).toBe(3);
  });

  it('refuses a receiver URL that is not https: receiver calls are made over TLS', () => {
    const withReceiver = (url: string): FlowDefinition => ({ ...flow([]), receiver: { url, authentication: { type: 'none' } } });
    expect(() => checkFlowSteps(withReceiver('https://receiver.example/in'))).not.toThrow();
    expect(() => checkFlowSteps(withReceiver('http://receiver.example/in'))).toThrow(
      "receiver.url: receiver calls are made over TLS, so the URL must start with https:// (got 'http://receiver.example/in')",
    );
  });
});
