import { safeReturnPath, signInErrorPath } from './return-path';

describe('safeReturnPath: where single sign-on may send the browser back to', () => {
  it.each([
    ['/', '/'],
    ['/flows', '/flows'],
    ['/flows/f1?tab=json#top', '/flows/f1?tab=json#top'],
    ['/a/../b', '/b'],
  ])('takes the path %j of the console', (raw, expected) => {
    expect(safeReturnPath(raw)).toBe(expected);
  });

  it.each([
    ['another host, scheme-relative', '//evil.example/x'],
    ['an absolute URL', 'https://evil.example/'],
    ['a backslash browsers read as a slash', '/\\evil.example'],
    ['a relative path', 'flows'],
    ['javascript:', 'javascript:alert(1)'],
    ['a tab inside', '/\t/evil.example'],
    ['empty', ''],
  ])('refuses %s', (_what, raw) => {
    expect(safeReturnPath(raw)).toBeUndefined();
  });

  it('puts the reason on the sign-in page, encoded', () => {
    expect(signInErrorPath("the account 'a&b' has no role")).toBe("/sign-in?error=the%20account%20'a%26b'%20has%20no%20role");
  });
});
