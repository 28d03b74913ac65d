/**
 * The block structure of a Terraform file, read from its HCL tokens (lex/sourceCode.ts): blocks
 * (`resource "type" "label" { … }`, `replication_specs { … }`) with their attributes (`name = value`,
 * the value's tokens up to the end of its line, bracketed groups included) and nested blocks.
 * Nesting deeper than MAX_DEPTH is skipped; every token is read a bounded number of times.
 */
import type { Token, TokenList } from '../api';
import { OPENERS } from '../lex/codeScanner';

export interface HclAttribute {
  name: Token;
  /** Token indices of the value: [first, end). */
  first: number;
  end: number;
}

export interface HclBlock {
  /** The block type (`resource`, `replication_specs`) and its labels (string tokens). */
  type: Token;
  labels: Token[];
  attributes: Map<string, HclAttribute>;
  blocks: HclBlock[];
}

const MAX_DEPTH = 16;

function isPunct(t: Token | undefined, text: string): boolean {
  return !!t && t.kind === 'punct' && t.text === text;
}

/** The blocks and attributes of the body between token indices [from, to). */
export function readBody(list: TokenList, from: number, to: number, depth = 0): { attributes: Map<string, HclAttribute>; blocks: HclBlock[] } {
  const { tokens, match } = list;
  const attributes = new Map<string, HclAttribute>();
  const blocks: HclBlock[] = [];
  let k = from;
  while (k < to) {
    const t = tokens[k]!;
    if (t.kind === 'ident' && isPunct(tokens[k + 1], '=') && !isPunct(tokens[k + 2], '=')) {
      // The value: tokens on the line of the `=`, and bracketed groups wherever they end.
      let line = tokens[k + 1]!.line;
      let j = k + 2;
      while (j < to && tokens[j]!.line === line) {
        const u = tokens[j]!;
        if (u.kind === 'punct' && OPENERS[u.text] && match[j]! > j && match[j]! < to) {
          j = match[j]!;
          line = tokens[j]!.line;
        }
        j++;
      }
      if (!attributes.has(t.text)) attributes.set(t.text, { name: t, first: k + 2, end: j });
      k = Math.max(j, k + 1);
      continue;
    }
    if (t.kind === 'ident') {
      let j = k + 1;
      const labels: Token[] = [];
      while (j < to && tokens[j]!.kind === 'string') labels.push(tokens[j++]!);
      if (isPunct(tokens[j], '{') && match[j]! > j) {
        const close = Math.min(match[j]!, to);
        if (depth < MAX_DEPTH) {
          const body = readBody(list, j + 1, close, depth + 1);
          blocks.push({ type: t, labels, ...body });
        }
        k = close + 1;
        continue;
      }
    }
    k++;
  }
  return { attributes, blocks };
}

/** The value of an attribute when it is one string literal without templates, or one number. */
export function literalOf(list: TokenList, a: HclAttribute | undefined): string | number | undefined {
  if (!a || a.end !== a.first + 1) return undefined;
  const t = list.tokens[a.first]!;
  if (t.kind === 'string') return t.text;
  if (t.kind === 'number') {
    const n = Number(t.text);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** The source text of an attribute's value, blanks collapsed. */
export function expressionText(text: string, list: TokenList, a: HclAttribute): string {
  if (a.end <= a.first) return '';
  return text.slice(list.tokens[a.first]!.start, list.tokens[a.end - 1]!.end).replace(/\s+/g, ' ');
}

/** Every block below `b` (depth first), `b` left out. */
export function* descendants(b: { blocks: HclBlock[] }): Generator<HclBlock> {
  for (const c of b.blocks) {
    yield c;
    yield* descendants(c);
  }
}
