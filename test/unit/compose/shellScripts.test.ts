/**
 * Shell scripts compose connection strings from the variables assigned on the lines above them
 * (`NAME=value`, `export NAME=value`); a single-quoted word is not expanded, a later assignment does
 * not count, a reassignment counts from its line on.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, defaultSettings, doHover, getCodeActions } from '../../../server/src/service/languageService';

const SCRIPT = [
  '#!/usr/bin/env bash',
  'set -euo pipefail',
  'export MONGO_HOST=db.internal:70000',
  "MONGO_PASS='Zq7@word'",
  'mongosh "mongodb://admin:$MONGO_PASS@$MONGO_HOST/admin?tls=true" --eval "db.stats()"',
  "mongosh 'mongodb://admin:$MONGO_PASS@$MONGO_HOST/admin?tls=true'",
  'MONGO_HOST=db2.internal',
  'mongodump --uri="mongodb://${MONGO_HOST}/shop?tls=true"',
  'mongorestore --uri "mongodb://${LATER}/shop?tls=true"',
  'LATER="bad host"',
  '',
].join('\n');

const doc = { uri: 'file:///ops/backup.sh', languageId: 'shellscript', text: SCRIPT };
const analysis = analyzeDocument(doc, defaultSettings);
const found = analysis.problems.map((p) => [p.ruleId, SCRIPT.slice(p.span.start, p.span.end), SCRIPT.slice(0, p.span.start).split('\n').length]);

describe('shell scripts', () => {
  it('a word in double quotes is expanded with the assignments above it', () => {
    assert.deepEqual(found, [
      ['userinfo-unescaped', '$MONGO_PASS', 5],
      ['port-invalid', '$MONGO_HOST', 5],
    ]);
    const pass = analysis.problems[0]!;
    assert.match(pass.message, /\(in the value of MONGO_PASS, line 4\)$/);
    assert.ok(!pass.message.includes('Zq7'));
    // The name is written again on line 6: the fix does not rewrite a value that may be used elsewhere.
    assert.deepEqual(getCodeActions(doc, analysis, pass.span), []);
    const alone = { ...doc, text: "PASS='Zq7@word'\nmongosh \"mongodb://admin:$PASS@db.internal/admin?tls=true\"\n" };
    const fixable = analyzeDocument(alone, defaultSettings);
    const edits = getCodeActions(alone, fixable, fixable.problems[0]!.span)[0]!.edits;
    assert.deepEqual(edits.map((e) => [alone.text.slice(e.start, e.end), e.newText]), [['Zq7@word', 'Zq7%40word']]);
    const hover = doHover(doc, analysis, SCRIPT.indexOf('$MONGO_HOST/') + 2)!;
    assert.match(hover.contents, /as the shell fills them/);
    assert.match(hover.contents, /`mongodb:\/\/admin:\*\*\*\*@db\.internal:70000\/admin\?tls=true`/);
  });

  it('single quotes, later assignments and reassignments', () => {
    // Line 6 is single-quoted, line 8 uses the reassignment of line 7 (a good host), line 9 a variable assigned only after it.
    assert.ok(!found.some(([, , line]) => line === 6 || line === 8 || line === 9), JSON.stringify(found));
    const later = doHover(doc, analysis, SCRIPT.indexOf('${LATER}') + 2)!;
    assert.match(later.contents, /Its variable `LATER` is not defined in the lines of this script above it/);
  });
});

describe('shell variables whose value a command prints', () => {
  const problemsOf = (text: string) => {
    const d = { uri: 'file:///ops/restore.sh', languageId: 'shellscript', text };
    const a = analyzeDocument(d, defaultSettings);
    return a.problems.map((p) => [p.ruleId, text.slice(p.span.start, p.span.end)]);
  };
  const use = 'mongosh "mongodb://backup:${PASS}@mongo-a.example.com:27017/?authSource=admin&tls=true"\n';

  it('are unknown: $(…) and backticks, also inside double quotes or beside other text', () => {
    for (const assignment of ['PASS=$(cat /run/secrets/mongo_password)', 'PASS="$(cat /run/secrets/mongo_password)"', 'PASS=`vault kv get -field=password secret/mongo`', 'export PASS="pw-$(date +%Y/%m)"']) {
      assert.deepEqual(problemsOf(`${assignment}\n${use}`), [], assignment);
    }
  });

  it('in single quotes the same text is the value, and its problems are reported, each once', () => {
    const found = problemsOf(`PASS='$(cat /run/secrets/mongo_password)'\n${use}`);
    assert.ok(found.length > 0, JSON.stringify(found));
    const unescaped = found.filter(([rule]) => rule === 'userinfo-unescaped');
    // Three `/` in the value: one problem on the reference.
    assert.deepEqual(unescaped, [['userinfo-unescaped', '${PASS}']]);
  });
});
