/**
 * The shell blocks of a Markdown page and how each is marked for testing: the last
 * non-blank line before the opening fence is `<!-- tested -->` (the block is run) or
 * `<!-- not tested: <reason> -->` (it is not, and the page says why). See
 * docs/getting-started.md, "How this page is tested".
 */
export interface ShellBlock {
  /** 1-based line of the opening fence, for messages. */
  line: number;
  lang: string;
  /** `undefined`: the block carries neither mark. */
  mark: 'tested' | 'not-tested' | undefined;
  /** The reason of a `not tested` mark. */
  reason?: string;
  /** The block's text, without the fences, ending with a newline. */
  code: string;
}

const SHELL_LANGS = new Set(['sh', 'bash', 'shell', 'console', 'zsh']);
const TESTED = /^<!--\s*tested\s*-->$/;
const NOT_TESTED = /^<!--\s*not tested:\s*(.*?)\s*-->$/;

export function shellBlocks(markdown: string): ShellBlock[] {
  const lines = markdown.split('\n');
  const blocks: ShellBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s{0,3})(`{3,}|~{3,})\s*([^\s`]*)/.exec(lines[i]);
    if (!open) continue;
    const [, , fence, lang] = open;
    const closing = new RegExp(`^\\s{0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    let end = i + 1;
    while (end < lines.length && !closing.test(lines[end])) end++;
    if (SHELL_LANGS.has(lang.toLowerCase())) {
      let before = i - 1;
      while (before >= 0 && lines[before].trim() === '') before--;
      const previous = before >= 0 ? lines[before].trim() : '';
      const notTested = NOT_TESTED.exec(previous);
      blocks.push({
        line: i + 1,
        lang,
        mark: TESTED.test(previous) ? 'tested' : notTested ? 'not-tested' : undefined,
        ...(notTested ? { reason: notTested[1] } : {}),
        code: lines.slice(i + 1, end).join('\n') + '\n',
      });
    }
    i = end;
  }
  return blocks;
}
