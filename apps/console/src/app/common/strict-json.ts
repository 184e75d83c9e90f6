/**
 * Strict JSON for request bodies: `JSON.parse`, then the refusals it cannot make.
 *
 * - **A key given twice in one object**, at any depth. `JSON.parse` keeps the last one
 *   silently (RFC 8259 §4 leaves duplicates to the parser; I-JSON, RFC 7493 §2.3, forbids
 *   them), so `{"name":"a","name":"b"}` would create `b` while a reviewer of the request
 *   reads `a`.
 * - **`__proto__` anywhere, and `constructor.prototype`**: keys that change an object's
 *   prototype once merged into another object (what secure-json-parse refuses).
 * - **A top-level value that is not an object or an array**: every body of the API is an
 *   object (what body-parser's `strict` refused).
 *
 * Why a scanner of our own and not a library: the parsers that report duplicate keys
 * are unmaintained or change values (json-bigint's `strict` mode, last released in 2020,
 * turns large numbers into BigNumber objects; json-dup-key-validator is older still);
 * the maintained ones (jsonc-parser, @humanwhocodes/momoa) give a visitor or an AST,
 * which needs the same key bookkeeping as below plus a second way of building values.
 * Here `JSON.parse` alone decides what is valid JSON and builds the value; the scanner
 * then runs only on text JSON.parse accepted, so it needs no grammar: it follows
 * strings, braces, brackets and commas to know each object's keys and where it is.
 */

/** A body refused by {@link parseStrictJson}: `key` and `path` when a key is at fault. */
export class StrictJsonError extends Error {
  override readonly name = 'StrictJsonError';
  constructor(
    message: string,
    readonly key?: string,
    readonly path?: string,
  ) {
    super(message);
  }
}

/**
 * The value of a JSON text, or a {@link StrictJsonError} (a duplicate or prototype key,
 * naming it and its path such as `$.parameters.roles[1]`, or a scalar at the top level)
 * or `JSON.parse`'s SyntaxError.
 */
export function parseStrictJson(text: string): unknown {
  const value: unknown = JSON.parse(text);
  if (value === null || typeof value !== 'object') {
    throw new StrictJsonError(`expected an object or an array at the top level, not ${value === null ? 'null' : `a ${typeof value}`}`);
  }
  const problem = keyProblem(text);
  if (problem) throw problem;
  return value;
}

interface Frame {
  object: boolean;
  /** The object or array this one is in, and its key or index there (the path is built only for a refusal). */
  parent?: Frame;
  at?: string | number;
  keys?: Set<string>;
  /** The key whose value comes next (objects). */
  key?: string;
  /** The next string is a key (objects). */
  expectKey: boolean;
  /** The index of the current element (arrays). */
  index: number;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Where a frame is: `$`, `$.parameters`, `$.steps[2]`, `$["odd key"]`. */
function pathOf(frame: Frame): string {
  let path = '';
  for (let f: Frame | undefined = frame; f?.parent; f = f.parent) {
    const at = f.at as string | number;
    path = (typeof at === 'number' ? `[${at}]` : IDENTIFIER.test(at) ? `.${at}` : `[${JSON.stringify(at)}]`) + path;
  }
  return '$' + path;
}

/** The first duplicate or prototype key of a text `JSON.parse` accepted, if any. */
function keyProblem(text: string): StrictJsonError | undefined {
  let top: Frame | undefined;
  const open = (object: boolean): Frame => ({ object, parent: top, at: top ? (top.object ? top.key : top.index) : undefined, expectKey: object, index: 0 });
  for (let i = 0; i < text.length; i++) {
    switch (text.charCodeAt(i)) {
      case 0x7b: // {
        top = open(true);
        break;
      case 0x5b: // [
        top = open(false);
        break;
      case 0x7d: // }
      case 0x5d: // ]
        top = top?.parent;
        break;
      case 0x2c: // ,
        if (top?.object) top.expectKey = true;
        else if (top) top.index++;
        break;
      case 0x22: {
        // "
        const end = stringEnd(text, i);
        if (top?.object && top.expectKey) {
          const raw = text.slice(i + 1, end);
          // Escapes (`"na\u006de"`) are decoded: they spell the same key.
          const key = raw.includes('\\') ? (JSON.parse(text.slice(i, end + 1)) as string) : raw;
          const keys = (top.keys ??= new Set());
          if (keys.has(key)) {
            const path = pathOf(top);
            return new StrictJsonError(`duplicate key ${JSON.stringify(key)} at ${path} (a key may appear once per object)`, key, path);
          }
          if (key === '__proto__' || (key === 'prototype' && top.parent?.object && top.at === 'constructor')) {
            const path = pathOf(top);
            return new StrictJsonError(`key ${JSON.stringify(key)} at ${path} is not allowed (it would change an object's prototype)`, key, path);
          }
          keys.add(key);
          top.key = key;
          top.expectKey = false;
        }
        i = end;
        break;
      }
      default:
        break;
    }
  }
  return undefined;
}

/** The index of the quote that closes the string opening at `start` (a quote not escaped by an odd number of backslashes). */
function stringEnd(text: string, start: number): number {
  let end = text.indexOf('"', start + 1);
  for (;;) {
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
}
