/**
 * What jsonc-parser reads in a JSON or JSONC document (comments and trailing commas allowed): every
 * string token its scanner finds (decoded value, range, whether it is closed and its escapes are valid)
 * and every comment, and, for the strings the parse tree holds, whether each is a property name or a
 * value and its path. The reference the JSON extractor is compared with (jsonDifferential.test.ts); it
 * shares no code with server/src/service/extract.
 */
import { createScanner, getNodePath, parseTree } from 'jsonc-parser';
import type { Node, ParseError } from 'jsonc-parser';

/** Token kinds and scan errors of jsonc-parser's scanner (its `SyntaxKind` and `ScanError`, const enums). */
const STRING_LITERAL = 10;
const LINE_COMMENT = 12;
const BLOCK_COMMENT = 13;
const EOF = 17;
const UNEXPECTED_END_OF_STRING = 2;

export interface JsonString {
  /** The token: from its opening quote to its end (after the closing quote, or where an open string stops). */
  start: number;
  end: number;
  /** The string has its closing quote. */
  closed: boolean;
  /** The value jsonc-parser decodes. */
  value: string;
  /** The text between the quotes as written. */
  body: string;
  /** Every escape is one of JSON's (`\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`, `\u` and four hex digits). */
  validEscapes: boolean;
  /** In the parse tree: a property name or a value, and its path (undefined when the tree leaves the string out). */
  role?: 'key' | 'value';
  path?: Array<string | number>;
}

export interface JsonReading {
  strings: JsonString[];
  /** Line and block comments: [start, end). */
  comments: Array<[number, number]>;
  /** What the parser reports (empty for a well-formed document). */
  errors: ParseError[];
}

/** True when every backslash in a string's body starts one of JSON's escapes. */
function escapesAreValid(body: string): boolean {
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== '\\') continue;
    const e = body[i + 1];
    if (e === 'u') {
      if (!/^[0-9A-Fa-f]{4}$/.test(body.slice(i + 2, i + 6))) return false;
      i += 5;
    } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
    else return false;
  }
  return true;
}

/** The string tokens and comments of jsonc-parser's scanner, in document order. */
export function scanJson(text: string): Pick<JsonReading, 'strings' | 'comments'> {
  const strings: JsonString[] = [];
  const comments: Array<[number, number]> = [];
  const scanner = createScanner(text, false);
  for (let token = scanner.scan() as number; token !== EOF; token = scanner.scan() as number) {
    const offset = scanner.getTokenOffset();
    const end = offset + scanner.getTokenLength();
    if (token === STRING_LITERAL) {
      const closed = (scanner.getTokenError() as number) !== UNEXPECTED_END_OF_STRING;
      const body = text.slice(offset + 1, closed ? end - 1 : end);
      strings.push({ start: offset, end, closed, value: scanner.getTokenValue(), body, validEscapes: escapesAreValid(body) });
    } else if (token === LINE_COMMENT || token === BLOCK_COMMENT) {
      comments.push([offset, end]);
    }
  }
  return { strings, comments };
}

export function readJson(text: string): JsonReading {
  const { strings, comments } = scanJson(text);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  const byStart = new Map(strings.map((s) => [s.start, s]));
  const walk = (node: Node): void => {
    if (node.type === 'string') {
      const s = byStart.get(node.offset);
      if (s) {
        const parent = node.parent;
        s.role = parent?.type === 'property' && parent.children?.[0] === node ? 'key' : 'value';
        s.path = getNodePath(node);
      }
    }
    for (const child of node.children ?? []) walk(child);
  };
  if (root) walk(root);
  return { strings, comments, errors };
}
