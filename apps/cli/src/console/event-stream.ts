/** One event of a text/event-stream, as the WHATWG EventSource parser defines it. */
export interface StreamEvent {
  event: string;
  data: string;
  id?: string;
}

/**
 * Parses a Server-Sent Events body into events. Lines may end in LF, CRLF or CR and may
 * be split across chunks anywhere; comments and `retry` are skipped; an event without
 * `event:` is a `message`.
 */
export async function* readEventStream(body: AsyncIterable<Uint8Array>): AsyncGenerator<StreamEvent> {
  const decoder = new TextDecoder();
  let buffer = '';
  let data: string[] = [];
  let event = '';
  let id: string | undefined;
  for await (const chunk of body) {
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = lineEnd(buffer)) >= 0) {
      const line = buffer.slice(0, end);
      // A CR at the very end may be the first half of CRLF: wait for the next chunk.
      const crlf = buffer[end] === '\r' && buffer[end + 1] === '\n';
      buffer = buffer.slice(end + (crlf ? 2 : 1));
      if (line === '') {
        if (data.length) yield { event: event || 'message', data: data.join('\n'), ...(id !== undefined && { id }) };
        data = [];
        event = '';
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'data') data.push(value);
      else if (field === 'event') event = value;
      else if (field === 'id' && !value.includes('\0')) id = value;
    }
  }
}

function lineEnd(buffer: string): number {
  for (let i = 0; i < buffer.length; i++) {
    const c = buffer[i];
    if (c === '\n') return i;
    if (c === '\r') return i + 1 < buffer.length ? i : -1;
  }
  return -1;
}
