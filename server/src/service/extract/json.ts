/**
 * JSON and JSON with comments: every string value with its key path (`ConnectionStrings` → `Mongo`),
 * decoded by hand so that each character keeps its document offset through `\u0040`, `\/`, `\"`.
 */
import { createScanner } from 'jsonc-parser/lib/umd/impl/scanner';
import { EmbeddedValue } from '../types';
import { DecodedBuilder, DecodedText, hexValue, indexOfIn, verbatim } from './decoded';
import { emitString, mayMentionMongo } from './detect';
import { classifyKeys, KeyKind } from './keys';
import { findUriTokens } from './plainText';

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Decodes the JSON string content text[from, to) (without quotes). */
export function decodeJsonString(text: string, from: number, to: number): DecodedText {
  const first = indexOfIn(text, 0x5c, from, to);
  if (first < 0) return verbatim(text, from, to);
  const b = new DecodedBuilder(text, from);
  let run = from;
  for (let i = first; i < to; ) {
    if (text.charCodeAt(i) !== 0x5c) {
      i++;
      continue;
    }
    b.raw(run, i);
    const e = text[i + 1];
    if (e === 'u') {
      const cp = hexValue(text, i + 2, 4);
      if (cp >= 0 && i + 6 <= to) {
        b.char(String.fromCharCode(cp), i);
        i += 6;
      } else {
        b.raw(i, i + 1);
        i += 1;
      }
    } else if (e !== undefined && i + 1 < to && SIMPLE_ESCAPES[e] !== undefined) {
      b.char(SIMPLE_ESCAPES[e], i);
      i += 2;
    } else {
      b.raw(i, Math.min(i + 2, to));
      i += 2;
    }
    run = Math.min(i, to);
  }
  b.raw(run, to);
  return b.finish(to);
}

/** Escapes a decoded string for the inside of a JSON string. */
export function encodeJsonString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const c = s.charCodeAt(i);
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out;
}

/** Token kinds of the jsonc-parser scanner (its `SyntaxKind`). */
const enum Token {
  OpenBrace = 1,
  CloseBrace = 2,
  OpenBracket = 3,
  CloseBracket = 4,
  Comma = 5,
  StringLiteral = 10,
  LineComment = 12,
  BlockComment = 13,
  EOF = 17,
}

interface Frame {
  isObject: boolean;
  /** The property being read (objects only). */
  key?: string;
  expectKey: boolean;
}

/** Deeper keys than this are left out of key paths (only the last few decide what a value is). */
const MAX_PATH = 16;

/** Key path of the innermost value: the property names of the enclosing objects, root first (the innermost few). */
function keyPath(frames: readonly Frame[]): string[] {
  const path: string[] = [];
  for (let k = frames.length - 1; k >= 0 && path.length < MAX_PATH && frames.length - k <= 4 * MAX_PATH; k--) {
    const f = frames[k];
    if (f.isObject && f.key !== undefined) path.push(f.key);
  }
  return path.reverse();
}

/** What the three innermost keys say about a value. */
function classifyFrames(frames: readonly Frame[]): KeyKind | undefined {
  let leaf: string | undefined;
  let parent: string | undefined;
  let grandparent: string | undefined;
  for (let k = frames.length - 1; k >= 0 && grandparent === undefined && frames.length - k <= 4 * MAX_PATH; k--) {
    const f = frames[k];
    if (!f.isObject || f.key === undefined) continue;
    if (leaf === undefined) leaf = f.key;
    else if (parent === undefined) parent = f.key;
    else grandparent = f.key;
  }
  return leaf === undefined ? undefined : classifyKeys(leaf, parent, grandparent);
}

export function extractJson(text: string): EmbeddedValue[] {
  const out: EmbeddedValue[] = [];
  const scanner = createScanner(text, false);
  const frames: Frame[] = [];
  for (let token = scanner.scan() as number; token !== Token.EOF; token = scanner.scan() as number) {
    const top = frames[frames.length - 1];
    switch (token) {
      case Token.OpenBrace:
        frames.push({ isObject: true, expectKey: true });
        break;
      case Token.OpenBracket:
        frames.push({ isObject: false, expectKey: false });
        break;
      case Token.CloseBrace:
      case Token.CloseBracket:
        if (top && top.isObject === (token === Token.CloseBrace)) frames.pop();
        break;
      case Token.Comma:
        if (top?.isObject) top.expectKey = true;
        break;
      case Token.StringLiteral: {
        const offset = scanner.getTokenOffset();
        const length = scanner.getTokenLength();
        const closed = length >= 2 && text.charCodeAt(offset + length - 1) === 0x22;
        const from = offset + 1;
        const to = closed ? offset + length - 1 : offset + length;
        if (top?.isObject && top.expectKey) {
          top.key = scanner.getTokenValue();
          top.expectKey = false;
          break;
        }
        const keyKind = classifyFrames(frames);
        if (keyKind === undefined && !mayMentionMongo(text, from, to)) break;
        emitString(out, decodeJsonString(text, from, to), 'json', { keyKind: keyKind ?? null, path: () => keyPath(frames) });
        break;
      }
      case Token.LineComment:
      case Token.BlockComment: {
        const offset = scanner.getTokenOffset();
        for (const [a, b] of findUriTokens(text, offset, offset + scanner.getTokenLength())) {
          out.push({ kind: 'uri', text: text.slice(a, b), start: a, syntax: 'raw' });
        }
        break;
      }
    }
  }
  return out;
}
