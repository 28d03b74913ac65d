/**
 * The JSON extractor as it was built on jsonc-parser's scanner: the reference the hand-written
 * scanner of server/src/service/extract/json.ts is compared with (jsonDifferential.test.ts).
 */
import { createScanner } from 'jsonc-parser';
import type { EmbeddedValue } from '../../../server/src/service/types';
import { emitString, mayMentionMongo } from '../../../server/src/service/extract/detect';
import { classifyKeys, KeyKind } from '../../../server/src/service/extract/keys';
import { findUriTokens } from '../../../server/src/service/extract/plainText';
import { decodeJsonString } from '../../../server/src/service/extract/json';

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
  key?: string;
  expectKey: boolean;
}

const MAX_PATH = 16;

function keyPath(frames: readonly Frame[]): string[] {
  const path: string[] = [];
  for (let k = frames.length - 1; k >= 0 && path.length < MAX_PATH && frames.length - k <= 4 * MAX_PATH; k--) {
    const f = frames[k];
    if (f.isObject && f.key !== undefined) path.push(f.key);
  }
  return path.reverse();
}

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

export function extractJsonOracle(text: string): EmbeddedValue[] {
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
          out.push({ kind: 'uri', text: text.slice(a, b), start: a, syntax: 'raw', comment: true });
        }
        break;
      }
    }
  }
  return out;
}
