import { largestBodyInOneMessage } from './body-cap';

describe('largestBodyInOneMessage', () => {
  it('the configured cap when it fits into one NATS reply', () => {
    expect(largestBodyInOneMessage(100_000, 1024 * 1024)).toBe(100_000);
  });

  it('never more than fits as bytes into one NATS message, with room for the envelope head', () => {
    expect(largestBodyInOneMessage(1024 * 1024, 1024 * 1024)).toBe(1024 * 1024 - 64 * 1024);
    expect(largestBodyInOneMessage(64 * 1024 * 1024, 8 * 1024 * 1024)).toBe(8 * 1024 * 1024 - 64 * 1024);
  });

  it('the configured cap when the server tells no limit', () => {
    expect(largestBodyInOneMessage(4096, undefined)).toBe(4096);
  });
});
