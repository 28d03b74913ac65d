/**
 * INI files: `[section]` headers give the key path, `key = value` and `key: value` entries,
 * `;` and `#` comments (whole lines, or after whitespace), values optionally in double or single quotes.
 */
import { EmbeddedValue } from '../api';
import { indexOfIn, isSpace, lineEnd, nextLine, verbatim } from './decoded';
import { emitString, mayMentionMongo, MongoFinder } from './detect';
import { mayNameWithoutMongo } from './keys';
import { findUriTokens } from './plainText';
import { stepValues, StepExtractor } from './steps';
import { APOSTROPHE, COLON, EQUALS, HASH, LEFT_BRACKET, QUOTE, SEMICOLON } from '../lex/chars';

/** Connection strings in the rest of a line; in a comment when that starts (after blanks) with `;` or `#`. */
function scanMentions(out: EmbeddedValue[], text: string, from: number, to: number): void {
  let s = from;
  while (s < to && isSpace(text.charCodeAt(s))) s++;
  const comment = text.charCodeAt(s) === SEMICOLON || text.charCodeAt(s) === HASH;
  for (const [a, b] of findUriTokens(text, from, to)) out.push({ kind: 'uri', text: text.slice(a, b), start: a, syntax: 'raw', ...(comment ? { comment } : {}) });
}

/** Where an inline comment (` ;` or ` #`) starts in text[from, to), or `to`. */
function commentStart(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if ((c === SEMICOLON || c === HASH) && i > from && isSpace(text.charCodeAt(i - 1))) return i;
  }
  return to;
}

/** Statements of an INI file: lines; the state is the section, which gives the key path. */
export const iniSteps: StepExtractor<readonly string[]> = {
  initial: [],
  same: (a, b) => a.length === b.length && a.every((s, k) => s === b[k]),
  reader(text) {
    const mongo = new MongoFinder(text);
    // Whether the section of the last entry mentions "mongo".
    let lastSection: readonly string[] | undefined;
    let sectionMongo = false;
    return (line, section, out, step) => {
      const eol = lineEnd(text, line);
      const next = nextLine(text, eol);
      step.next = next;
      step.readEnd = next;
      step.state = section;
      let i = line;
      while (i < eol && isSpace(text.charCodeAt(i))) i++;
      const c = text.charCodeAt(i);
      if (i >= eol || c === SEMICOLON || c === HASH) {
        if (mongo.within(i, eol)) scanMentions(out, text, i, eol);
        return;
      }
      if (c === LEFT_BRACKET /* [ */) {
        const close = indexOfIn(text, 0x5d, i, eol);
        if (close > 0) {
          step.state = [text.slice(i + 1, close).trim()];
          if (mongo.within(close + 1, eol)) scanMentions(out, text, close + 1, eol);
          return;
        }
      }
      let sep = i;
      while (sep < eol && text.charCodeAt(sep) !== EQUALS && text.charCodeAt(sep) !== COLON) sep++;
      if (sep >= eol) {
        if (mongo.within(i, eol)) scanMentions(out, text, i, eol);
        return;
      }
      if (!mongo.within(i, eol)) {
        // Nothing in the entry mentions "mongo": unless the section does, or the key may name a
        // collection or an Atlas resource, it holds nothing.
        if (section !== lastSection) {
          lastSection = section;
          sectionMongo = section.some((s) => mayMentionMongo(s, 0, s.length));
        }
        if (!sectionMongo && !mayNameWithoutMongo(text, i, sep)) return;
      }
      const key = text.slice(i, sep).trim();
      let v = sep + 1;
      while (v < eol && isSpace(text.charCodeAt(v))) v++;
      const q = text.charCodeAt(v);
      const close = q === QUOTE || q === APOSTROPHE ? indexOfIn(text, q, v + 1, eol) : -1;
      if (close > 0) {
        emitString(out, verbatim(text, v + 1, close), 'ini', { path: [...section, key] });
        scanMentions(out, text, close + 1, eol);
      } else {
        const cs = commentStart(text, v, eol);
        let end = cs;
        while (end > v && isSpace(text.charCodeAt(end - 1))) end--;
        emitString(out, verbatim(text, v, end), 'ini', { path: [...section, key] });
        scanMentions(out, text, cs, eol);
      }
    };
  },
};

export function extractIni(text: string): EmbeddedValue[] {
  return stepValues(iniSteps, text);
}
