/** One Server-Sent Event: its type (`message` when the stream names none), id and data (the data lines joined by `\n`). */
export interface SseEvent {
  event: string;
  id?: string;
  data: string;
}

/**
 * The events of a `text/event-stream` body, as the HTML standard parses them: lines end
 * in CRLF, LF or CR; `:` starts a comment; `event`, `data`, `id` fields; an empty line
 * dispatches. Read from a fetch body of the API client (its errors, its retries), not
 * with EventSource.
 */
export async function* readSse(body: ReadableStream<Uint8Array>, signal?: AbortSignal): AsyncGenerator<SseEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let id: string | undefined;
  const onAbort = () => void reader.cancel().catch(() => undefined);
  signal?.addEventListener('abort', onAbort);
  try {
    for (;;) {
      const { value, done } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      // A CR at the very end may be the first half of a CRLF: keep it until more arrives.
      let cut: number;
      while ((cut = buffer.search(/\r\n|\r|\n/)) >= 0) {
        if (!done && buffer[cut] === '\r' && cut === buffer.length - 1) break;
        const line = buffer.slice(0, cut);
        buffer = buffer.slice(cut + (buffer.startsWith('\r\n', cut) ? 2 : 1));
        if (line === '') {
          if (data.length > 0) yield { event: event || 'message', data: data.join('\n'), ...(id !== undefined && { id }) };
          event = '';
          data = [];
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        let val = colon < 0 ? '' : line.slice(colon + 1);
        if (val.startsWith(' ')) val = val.slice(1);
        if (field === 'event') event = val;
        else if (field === 'data') data.push(val);
        else if (field === 'id' && !val.includes('\0')) id = val;
      }
      if (done) return;
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    reader.releaseLock();
  }
}
