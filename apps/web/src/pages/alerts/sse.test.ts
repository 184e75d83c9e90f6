import { describe, expect, it } from 'vitest';
import { readSse, type SseEvent } from './sse';

/** A body delivered in the chunks given (as a network would split it). */
const body = (chunks: string[]) =>
  new ReadableStream<Uint8Array>({
    start(c) {
      for (const chunk of chunks) c.enqueue(new TextEncoder().encode(chunk));
      c.close();
    },
  });

async function all(chunks: string[]): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  for await (const e of readSse(body(chunks))) events.push(e);
  return events;
}

describe('reading Server-Sent Events from a fetch body', () => {
  it("reads the console's frames: a retry line, a comment, then ready and alert events with ids", async () => {
    expect(
      await all([
        'retry: 1000\n: certgate expiry alerts\n\nevent: ready\nid: 41\ndata: {"since":41}\n\n',
        'event: alert\nid: 42\ndata: {"id":"a","type":"expiring"}\n\n',
      ]),
    ).toEqual([
      { event: 'ready', id: '41', data: '{"since":41}' },
      { event: 'alert', id: '42', data: '{"id":"a","type":"expiring"}' },
    ]);
  });

  it('joins events split anywhere across chunks, multi-byte characters and CRLF included', async () => {
    const frame = 'event: alert\r\nid: 7\r\ndata: {"subjectDN":"CN=Müller"}\r\n\r\n';
    const bytes = new TextEncoder().encode(frame);
    // Split inside the ü and between \r and \n.
    const cuts = [5, frame.indexOf('\r') + 1, new TextEncoder().encode(frame.slice(0, frame.indexOf('ü'))).length + 1];
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        let from = 0;
        for (const cut of [...cuts].sort((a, b) => a - b)) {
          c.enqueue(bytes.slice(from, cut));
          from = cut;
        }
        c.enqueue(bytes.slice(from));
        c.close();
      },
    });
    const events: SseEvent[] = [];
    for await (const e of readSse(stream)) events.push(e);
    expect(events).toEqual([{ event: 'alert', id: '7', data: '{"subjectDN":"CN=Müller"}' }]);
  });

  it('joins several data lines with a newline, names an unnamed event "message", and drops an event without data', async () => {
    expect(await all(['data: one\ndata:two\n\nevent: empty\n\n', 'data\n\n'])).toEqual([
      { event: 'message', data: 'one\ntwo' },
      { event: 'message', data: '' },
    ]);
  });

  it('stops when the signal aborts', async () => {
    const abort = new AbortController();
    const open = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('event: ready\ndata: {}\n\n'));
      },
    });
    const seen: string[] = [];
    for await (const e of readSse(open, abort.signal)) {
      seen.push(e.event);
      abort.abort();
    }
    expect(seen).toEqual(['ready']);
  });
});
