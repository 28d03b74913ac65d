/**
 * Database names across a document, on random .env files whose names differ only by case here and
 * there (in MONGO_DB values, in the path and the authSource of connection strings): the names the
 * analysis gives for checks across documents are the first occurrence of each name, in order, and the
 * database-case-conflict problems sit exactly on the first occurrence of every spelling of a name that
 * is written two ways. The expected answers come from the model the document is written from.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeDocument, databaseNamesOf, defaultSettings } from '../../../server/src/service/languageService';
import { checkProperty } from '../../helpers/fuzz';

const NAMES = ['shop', 'Shop', 'SHOP', 'orders', 'ordErs', 'app', 'a_b', 'A_b', 'events'];

type Line =
  | { kind: 'db'; name: string }
  | { kind: 'uri'; path?: string; authSource?: string }
  | { kind: 'other'; text: string };

const name = fc.constantFrom(...NAMES);
const line: fc.Arbitrary<Line> = fc.oneof(
  name.map((n) => ({ kind: 'db' as const, name: n })),
  fc.record({ path: fc.option(name, { nil: undefined }), authSource: fc.option(name, { nil: undefined }) }).map((r) => ({ kind: 'uri' as const, ...r })),
  fc.constantFrom('LOG_LEVEL=info', '# Shop and shop', 'PORT=3000').map((text) => ({ kind: 'other' as const, text })),
);

interface Written {
  text: string;
  /** Every database name written, in order, with its offset. */
  names: Array<{ name: string; start: number }>;
}

function write(lines: readonly Line[]): Written {
  let text = '';
  const names: Written['names'] = [];
  lines.forEach((l, k) => {
    if (l.kind === 'other') text += `${l.text}\n`;
    else if (l.kind === 'db') {
      text += `MONGO_DB_NAME=`;
      names.push({ name: l.name, start: text.length });
      text += `${l.name}\n`;
    } else {
      text += `MONGODB_URI_${k}=mongodb://db${k}.example.com:27017/`;
      if (l.path !== undefined) {
        names.push({ name: l.path, start: text.length });
        text += l.path;
      }
      if (l.authSource !== undefined) {
        text += '?authSource=';
        names.push({ name: l.authSource, start: text.length });
        text += l.authSource;
      }
      text += '\n';
    }
  });
  return { text, names };
}

const lower = (s: string) => s.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));

describe('database names of a document and their case conflicts', () => {
  it('first occurrences in order, a conflict on the first occurrence of every spelling written two ways', () => {
    checkProperty(
      'database case conflicts',
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const { text, names } = write(lines);
        const analysis = analyzeDocument({ uri: 'file:///p/.env', languageId: 'dotenv', text }, defaultSettings);
        const first = new Map<string, number>();
        for (const n of names) if (!first.has(n.name)) first.set(n.name, n.start);
        const expectedNames = [...first].map(([n, start]) => ({ name: n, span: { start, end: start + n.length } }));
        assert.deepEqual(databaseNamesOf(analysis), expectedNames, text);
        const spellings = new Map<string, string[]>();
        for (const n of first.keys()) spellings.set(lower(n), [...(spellings.get(lower(n)) ?? []), n]);
        const expectedConflicts = [...first]
          .filter(([n]) => spellings.get(lower(n))!.length > 1)
          .map(([n, start]) => `${start}-${start + n.length}`)
          .sort();
        const conflicts = analysis.problems.filter((p) => p.ruleId === 'database-case-conflict');
        assert.deepEqual(conflicts.map((p) => `${p.span.start}-${p.span.end}`).sort(), expectedConflicts, text);
        for (const p of conflicts) assert.ok(p.message.includes(`"${text.slice(p.span.start, p.span.end)}"`) || p.message.includes(text.slice(p.span.start, p.span.end)), p.message);
      }),
      300,
    );
  });
});
