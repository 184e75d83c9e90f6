import { serverList } from './connect';

describe('serverList', () => {
  it('splits a comma-separated NATS_URL into one URL per cluster node, trimming blanks', () => {
    expect(serverList('nats://n1:4222, nats://n2:4222 ,nats://n3:4222')).toEqual(['nats://n1:4222', 'nats://n2:4222', 'nats://n3:4222']);
  });

  it('keeps a single URL and flattens arrays of lists', () => {
    expect(serverList('nats://127.0.0.1:4222')).toEqual(['nats://127.0.0.1:4222']);
    expect(serverList(['nats://a:1,nats://b:2', 'nats://c:3'])).toEqual(['nats://a:1', 'nats://b:2', 'nats://c:3']);
  });

  it('drops empty entries (a trailing comma)', () => {
    expect(serverList('nats://a:1,')).toEqual(['nats://a:1']);
  });
});
