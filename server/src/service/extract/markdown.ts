/**
 * Markdown: prose and inline code are searched for connection strings; a fenced code block is read by
 * the extractor of its info-string language (```yaml → YAML) with offsets moved into the document.
 */
import { EmbeddedValue } from '../api';
import { lineEnd, nextLine, shiftValue } from './decoded';
import { scanPlainText, SeparatorFinder } from './plainText';
import { READ_TO_END, stepValues, StepExtractor } from './steps';
import { lineStartAfter, NextMatch, nextOfAny } from './triggers';
import { BACKTICK, SPACE, TAB, TILDE } from '../lex/chars';

/** Info-string words (lower case) → language ids. */
const FENCE_LANGUAGES: Record<string, string> = {
  yaml: 'yaml', yml: 'yaml', 'docker-compose': 'dockercompose', compose: 'dockercompose',
  json: 'json', jsonc: 'jsonc', json5: 'jsonc',
  js: 'javascript', javascript: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'javascriptreact', mongosh: 'javascript', mongodb: 'javascript', node: 'javascript',
  ts: 'typescript', typescript: 'typescript', tsx: 'typescriptreact',
  py: 'python', python: 'python', python3: 'python',
  go: 'go', golang: 'go', java: 'java', kotlin: 'kotlin', kt: 'kotlin',
  cs: 'csharp', csharp: 'csharp', 'c#': 'csharp', rb: 'ruby', ruby: 'ruby', php: 'php',
  sh: 'shellscript', bash: 'shellscript', shell: 'shellscript', zsh: 'shellscript', console: 'shellscript', 'shell-session': 'shellscript', shellscript: 'shellscript',
  env: 'dotenv', dotenv: 'dotenv', ini: 'ini', cfg: 'ini', conf: 'ini', properties: 'properties', toml: 'toml',
};

/** A fence opener at the line starting at `line`: its character, length and the language of its info string. */
function fenceOpener(text: string, line: number, eol: number): { ch: number; len: number; lang: string } | undefined {
  let i = line;
  while (i < eol && i - line < 3 && text.charCodeAt(i) === SPACE) i++;
  const ch = text.charCodeAt(i);
  if (ch !== BACKTICK && ch !== TILDE) return undefined;
  let j = i;
  while (j < eol && text.charCodeAt(j) === ch) j++;
  if (j - i < 3) return undefined;
  const info = text.slice(j, eol).trim();
  if (ch === BACKTICK && info.includes('`')) return undefined;
  const word = (info.split(/[\s{,]/)[0] ?? '').replace(/^\./, '').toLowerCase();
  return { ch, len: j - i, lang: FENCE_LANGUAGES[word] ?? 'plaintext' };
}

function isFenceCloser(text: string, line: number, eol: number, ch: number, len: number): boolean {
  let i = line;
  while (i < eol && i - line < 3 && text.charCodeAt(i) === SPACE) i++;
  let j = i;
  while (j < eol && text.charCodeAt(j) === ch) j++;
  if (j - i < len) return false;
  while (j < eol && (text.charCodeAt(j) === SPACE || text.charCodeAt(j) === TAB)) j++;
  return j === eol;
}

type ExtractorFor = (languageId: string) => (text: string) => EmbeddedValue[];

/**
 * Statements of Markdown: a line of prose (connection strings never span lines), or a fenced code block
 * from its opening to its closing fence, read by the extractor of its language.
 */
export function markdownSteps(extractorFor: ExtractorFor): StepExtractor<null> {
  return {
    initial: null,
    same: () => true,
    reader(text) {
      const separators = new SeparatorFinder(text);
      // The first `<!--` at or after the last line read (Infinity: none); lines are read in increasing order.
      let commentOpen = -1;
      const nextCommentOpen = (from: number): number => {
        if (commentOpen < from) {
          const k = text.indexOf('<!--', from);
          commentOpen = k < 0 ? Infinity : k;
        }
        return commentOpen;
      };
      return (line, _state, out, step) => {
        const eol = lineEnd(text, line);
        const fence = fenceOpener(text, line, eol);
        if (!fence) {
          // A line of prose; one that opens an HTML comment runs to the line where the comment closes.
          let end = eol;
          let p = line;
          let unclosed = false;
          for (let open = nextCommentOpen(line); open < end; open = nextCommentOpen(p)) {
            if (separators.within(p, open)) out.push(...scanPlainText(text, p, open));
            const close = text.indexOf('-->', open + 4);
            const inside = close < 0 ? text.length : close;
            if (separators.within(open + 4, inside)) for (const v of scanPlainText(text, open + 4, inside)) out.push({ ...v, comment: true });
            unclosed = close < 0;
            p = close < 0 ? text.length : close + 3;
            if (p > end) end = lineEnd(text, p);
          }
          step.next = nextLine(text, end);
          step.readEnd = unclosed ? READ_TO_END : step.next;
          if (separators.within(p, step.next)) out.push(...scanPlainText(text, p, step.next));
          return;
        }
        const from = nextLine(text, eol);
        let to = from;
        let after = text.length;
        let closed = false;
        while (to < text.length) {
          const e = lineEnd(text, to);
          if (isFenceCloser(text, to, e, fence.ch, fence.len)) {
            after = nextLine(text, e);
            closed = true;
            break;
          }
          to = nextLine(text, e);
        }
        to = Math.min(to, text.length);
        for (const v of extractorFor(fence.lang)(text.slice(from, to))) out.push(shiftValue(v, from));
        step.next = after;
        step.readEnd = closed ? after : READ_TO_END;
      };
    },
    passer(text) {
      // A line of prose finds connection strings only where it says "mongo" (scanPlainText looks for
      // mongodb:// and mongodb+srv://), and is a statement of its own unless it opens a fence or an
      // HTML comment: lines without any of these are passed over in one jump.
      const triggers = [new NextMatch(text, /mongo/gi, true), new NextMatch(text, '```'), new NextMatch(text, '~~~'), new NextMatch(text, '<!--')];
      return (pos) => lineStartAfter(text, pos, nextOfAny(triggers, pos));
    },
  };
}

export function extractMarkdown(text: string, extractorFor: ExtractorFor): EmbeddedValue[] {
  return stepValues(markdownSteps(extractorFor), text);
}
