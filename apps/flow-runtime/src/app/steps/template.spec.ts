import { compileTemplate, RenderedTooLarge, renderTemplate, unknownPlaceholders, type TemplateContext } from './template';

function context(overrides: Partial<TemplateContext> = {}): TemplateContext {
  const headers: Record<string, string> = { 'x-order': '42', accept: 'text/plain, application/json' };
  return {
    principal: 'sb-sender-a!k1',
    address: '/orders',
    method: 'POST',
    header: (name) => headers[name] ?? '',
    bodyText: () => '{"n":1}',
    ...overrides,
  };
}

const render = (text: string, ctx = context()) => renderTemplate(compileTemplate(text), ctx);

describe('templates', () => {
  it('substitutes principal, address, method and body', () => {
    expect(render('ok ${principal} ${method} ${address}: ${body}')).toBe('ok sb-sender-a!k1 POST /orders: {"n":1}');
  });

  it('reads headers by case-insensitive name, empty when absent', () => {
    expect(render('[${header.X-Order}] [${header.accept}] [${header.x-missing}]')).toBe('[42] [text/plain, application/json] []');
  });

  it('text without placeholders comes out unchanged, including a lone $ or {', () => {
    expect(render('costs $5 {not a placeholder} $ {x}')).toBe('costs $5 {not a placeholder} $ {x}');
    expect(render('')).toBe('');
  });

  it('a value is substituted once: a principal that looks like a placeholder is not expanded again', () => {
    expect(render('${principal}', context({ principal: '${body}' }))).toBe('${body}');
  });

  it('the body is decoded only when a template refers to it', () => {
    const bodyText = jest.fn(() => 'b');
    render('${principal}', context({ bodyText }));
    expect(bodyText).not.toHaveBeenCalled();
    render('${body}${body}', context({ bodyText }));
    expect(bodyText).toHaveBeenCalledTimes(2);
  });

  it('unknown placeholders are listed (deployment refuses them) and left as written when rendered', () => {
    expect(unknownPlaceholders('${principal} ${user} ${header.} ${header.a b} ${}')).toEqual(['${user}', '${header.}', '${header.a b}', '${}']);
    expect(unknownPlaceholders('${principal} ${header.x-a}')).toEqual([]);
    expect(render('hi ${user} ${principal}')).toBe('hi ${user} sb-sender-a!k1');
  });
});

describe('a rendered template is bounded', () => {
  it('refuses to grow past its limit, whatever the template repeats', () => {
    const ctx = { principal: 'p', address: '/a', method: 'POST', header: () => '', bodyText: () => 'x'.repeat(1000) };
    const template = compileTemplate('${body}'.repeat(20));
    expect(renderTemplate(template, ctx, 20_000)).toHaveLength(20_000);
    expect(() => renderTemplate(template, ctx, 19_999)).toThrow(RenderedTooLarge);
    expect(() => renderTemplate(template, ctx, 19_999)).toThrow("the flow's response would be larger than 19999 characters");
  });
});
