/**
 * One Server-Sent Events frame (text/event-stream). Each line of `data` becomes its
 * own `data:` field, so a payload with line breaks cannot end the event early or
 * inject fields of its own.
 */
export function sseEvent(event: { event?: string; id?: string | number; data: string }): string {
  let frame = '';
  if (event.event) frame += `event: ${oneLine(event.event)}\n`;
  if (event.id !== undefined) frame += `id: ${oneLine(String(event.id))}\n`;
  for (const line of event.data.split(/\r\n|\r|\n/)) frame += `data: ${line}\n`;
  return frame + '\n';
}

/** A comment line: ignored by clients, keeps proxies and idle timers from closing the stream. */
export function sseComment(text: string): string {
  return `: ${oneLine(text)}\n\n`;
}

function oneLine(value: string): string {
  return value.replace(/[\r\n]/g, ' ');
}
