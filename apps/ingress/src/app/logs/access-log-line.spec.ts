import { accessLogLine, accessLogWho } from './access-log-line';
import { formatLogTime, logDay } from './log-format';
import { traceLogLine } from './trace-log-line';

const at = new Date('2024-03-05T07:08:09.123Z');

describe('access log line (design §3)', () => {
  const base = { ip: '10.1.2.3', time: at, method: 'POST', path: '/http/orders?x=1&y=2', status: 200 };

  it('names the principal the runtime resolved', () => {
    expect(accessLogLine({ ...base, who: 'sb-1234!b5|client' })).toBe(
      '10.1.2.3 - sb-1234!b5|client [05/Mar/2024:07:08:09 +0000] POST /http/orders?x=1&y=2 HTTP/1.1 200',
    );
  });

  it('has two spaces where nobody is known', () => {
    expect(accessLogLine({ ...base, who: '', method: 'GET', path: '/health', status: 503 })).toBe(
      '10.1.2.3 -  [05/Mar/2024:07:08:09 +0000] GET /health HTTP/1.1 503',
    );
  });

  it('never lets a value break the line', () => {
    const line = accessLogLine({ ...base, who: 'evil\n10.0.0.1 - admin [x] GET / HTTP/1.1 200', path: '/a\rb' });
    expect(line.split('\n')).toHaveLength(1);
    expect(line).not.toMatch(/\r/);
  });

  describe('<who>', () => {
    const cert = { subjectCN: 'sender-a', issuerCN: 'Issuing CA 1' };

    it('is the principal when the runtime named one, even with a verified certificate', () => {
      expect(accessLogWho('key-client-id', cert)).toBe('key-client-id');
    });

    it('is <CN of subject>@<CN of issuer> for a verified certificate without a principal', () => {
      expect(accessLogWho(undefined, cert)).toBe('sender-a@Issuing CA 1');
    });

    it('is empty with neither (no certificate, or one that failed verification)', () => {
      expect(accessLogWho(undefined, undefined)).toBe('');
      expect(accessLogWho('', undefined)).toBe('');
    });
  });

  describe('time', () => {
    it('is dd/Mon/yyyy:HH:mm:ss +0000 in UTC, zero-padded', () => {
      expect(formatLogTime(new Date('2025-12-31T23:59:59.999Z'))).toBe('31/Dec/2025:23:59:59 +0000');
      expect(formatLogTime(new Date('2026-01-01T00:00:00.000Z'))).toBe('01/Jan/2026:00:00:00 +0000');
    });

    it('does not depend on the local time zone: the same instant in any offset formats the same', () => {
      expect(formatLogTime(new Date('2024-03-05T09:08:09+02:00'))).toBe('05/Mar/2024:07:08:09 +0000');
    });

    it('names every month in English, three letters', () => {
      const months = Array.from({ length: 12 }, (_, m) => formatLogTime(new Date(Date.UTC(2024, m, 15))).slice(3, 6));
      expect(months).toEqual(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);
    });

    it('the daily file date is the UTC day', () => {
      expect(logDay(new Date('2024-03-05T23:30:00-02:00'))).toBe('2024-03-06');
      expect(logDay(at)).toBe('2024-03-05');
    });
  });
});

describe('trace log line', () => {
  it('carries level, event, request id, reason and message', () => {
    const line = traceLogLine({
      time: at,
      level: 'warn',
      event: 'tls.rejected',
      requestId: 'r-1',
      ip: '10.1.2.3',
      reason: 'chain_incomplete',
      message: "client certificate 'CN=bob' was rejected: the chain is incomplete",
    });
    expect(line).toBe(
      "10.1.2.3 [05/Mar/2024:07:08:09 +0000] WARN tls.rejected r-1 reason=chain_incomplete - client certificate 'CN=bob' was rejected: the chain is incomplete",
    );
  });

  it('without request or reason it still has one line', () => {
    expect(traceLogLine({ time: at, level: 'info', event: 'x', message: 'a\nb' })).toBe('- [05/Mar/2024:07:08:09 +0000] INFO x - - a?b');
  });
});
