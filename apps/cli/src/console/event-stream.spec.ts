import { readEventStream, type StreamEvent } from './event-stream';

async function parse(...chunks: string[]): Promise<StreamEvent[]> {
  const body = (async function* () {
    for (const c of chunks) yield new TextEncoder().encode(c);
  })();
  const out: StreamEvent[] = [];
  for await (const e of readEventStream(body)) out.push(e);
  return out;
}

describe('event stream parser', () => {
  it('reads named events with ids, skipping comments and retry', async () => {
    expect(await parse('retry: 1000\n: hello\n\nevent: ready\nid: 7\ndata: {"since":7}\n\nevent: alert\nid: 8\ndata: {"id":"a"}\n\n')).toEqual([
      { event: 'ready', id: '7', data: '{"since":7}' },
      { event: 'alert', id: '8', data: '{"id":"a"}' },
    ]);
  });

  it('joins data lines, and keeps the last id for events that name none', async () => {
    expect(await parse('id: 3\ndata: a\ndata: b\n\ndata: c\n\n')).toEqual([
      { event: 'message', id: '3', data: 'a\nb' },
      { event: 'message', id: '3', data: 'c' },
    ]);
  });

  it('copes with chunks split anywhere, also between CR and LF', async () => {
    expect(await parse('event: al', 'ert\r', '\nid: 1\r\nda', 'ta: x\r', '\n\r', '\n')).toEqual([{ event: 'alert', id: '1', data: 'x' }]);
  });

  it('decodes a UTF-8 character split between two chunks', async () => {
    const bytes = new TextEncoder().encode('data: CN=Zürich\n\n');
    const cut = bytes.indexOf(0xc3) + 1;
    const body = (async function* () {
      yield bytes.slice(0, cut);
      yield bytes.slice(cut);
    })();
    const out: StreamEvent[] = [];
    for await (const e of readEventStream(body)) out.push(e);
    expect(out).toEqual([{ event: 'message', data: 'CN=Zürich' }]);
  });

  it('accepts lone CR line ends and drops an event the stream cut off', async () => {
    expect(await parse('data: x\r\rdata: never finished')).toEqual([{ event: 'message', data: 'x' }]);
  });
});
