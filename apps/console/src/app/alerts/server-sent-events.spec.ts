import { sseComment, sseEvent } from './server-sent-events';

describe('server-sent events', () => {
  it('frames an event with its name, id and data, ended by a blank line', () => {
    expect(sseEvent({ event: 'alert', id: 42, data: '{"id":"a1"}' })).toBe('event: alert\nid: 42\ndata: {"id":"a1"}\n\n');
  });

  it('splits data with line breaks into data lines, so it cannot end the event or add fields', () => {
    expect(sseEvent({ data: 'a\n\nid: 9\r\nb' })).toBe('data: a\ndata: \ndata: id: 9\ndata: b\n\n');
    expect(sseEvent({ event: 'x\nid: 7', data: '' })).toBe('event: x id: 7\ndata: \n\n');
  });

  it('writes comments as single lines', () => {
    expect(sseComment('keep-alive\nevent: evil')).toBe(': keep-alive event: evil\n\n');
  });
});
