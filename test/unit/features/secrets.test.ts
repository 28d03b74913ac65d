/**
 * No secret in any output of the core: hover on every character, the parsed description, the redacted
 * copy, every problem message and quick-fix title, under both driver profiles and in several formats.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDocument, defaultSettings, describeConnectionString, doHover, getCodeActions, type Settings } from '../../../server/src/service/languageService';
import { SECRET_CASES, secretsIn } from '../../helpers/secrets';

const FORMATS: ReadonlyArray<readonly [string, string, (uri: string) => string]> = [
  ['dotenv', 'file:///p/.env', (u) => `MONGODB_URI=${u}\n`],
  ['yaml', 'file:///p/config.yaml', (u) => `mongodb:\n  uri: '${u.replace(/'/g, "''")}'\n`],
  ['json', 'file:///p/appsettings.json', (u) => `{ "ConnectionStrings": { "Mongo": ${JSON.stringify(u)} } }\n`],
  ['typescript', 'file:///p/db.ts', (u) => `export const uri = ${JSON.stringify(u)};\n`],
];

describe('secrets never appear in what the core shows', () => {
  for (const driver of ['spec', 'node'] as const) {
    const settings: Settings = { ...defaultSettings, driver };
    for (const [languageId, uri, wrap] of FORMATS) {
      it(`${languageId}, ${driver} profile: hover on every character, describe, redacted copy, messages, fix titles`, () => {
        let hovers = 0;
        for (const c of SECRET_CASES) {
          const text = wrap(c.uri);
          const doc = { uri, languageId, text };
          const analysis = analyzeDocument(doc, settings);
          const leaks: string[] = [];
          const check = (where: string, shown: string) => {
            for (const leak of secretsIn(shown, c.secrets)) leaks.push(`${where}: ${leak}`);
          };
          for (const p of analysis.problems) check(`message of ${p.ruleId}`, p.message);
          for (const a of getCodeActions(doc, analysis, { start: 0, end: text.length })) check(`fix title of ${a.ruleId}`, a.title);
          for (let offset = 0; offset <= text.length; offset++) {
            const h = doHover(doc, analysis, offset);
            if (h) {
              hovers++;
              check(`hover at ${offset}`, h.contents);
            }
            const d = describeConnectionString(analysis, offset);
            if (d) check(`description at ${offset}`, JSON.stringify(d));
          }
          assert.deepEqual(leaks, [], c.uri);
        }
        assert.ok(hovers > SECRET_CASES.length * 10, 'the hovers were shown');
      });
    }
  }
});
