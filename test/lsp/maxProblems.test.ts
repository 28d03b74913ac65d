/**
 * `mongodbUri.maxProblems` through the spawned server: beyond it, the first problems in document
 * order (a clash with another document's name, which the server finds last, included where it is) and
 * one information at the start of the document that says how many are not shown. 1000 by default; a bad
 * value falls back to it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reportProblems, TOO_MANY_PROBLEMS } from '../../server/src/problemSink';
import { analyzeDocument, defaultSettings } from '../../server/src/service/languageService';
import { waitUntil } from '../helpers/repo';
import { startServer } from '../helpers/server';

const uri = 'file:///capped/.env';
/** A clash with the other document on line 1, then one invalid port per line. */
function textWith(ports: number): string {
  return ['# capped', 'MONGO_DB=salesData', ...Array.from({ length: ports }, (_, i) => `URI_${i}=mongodb://h${i}:70000/db`)].join('\n') + '\n';
}

const summaryOf = (diagnostics: any[]) => diagnostics.filter((d) => d.code === 'too-many-problems');
const byPosition = (a: any, b: any) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;

test('beyond maxProblems: the first problems in document order and one summary at the start', async (t) => {
  let settings: unknown = {};
  const client = await startServer(t, { settings: () => settings });
  client.openDocument('file:///capped/report.js', 'javascript', 'import { MongoClient } from "mongodb";\nconst sales = client.db("SalesData");\n', 1);
  await client.waitForDiagnostics('file:///capped/report.js', 1);
  client.openDocument(uri, 'dotenv', textWith(12), 1);
  const all = (await client.waitForDiagnostics(uri, 1)).diagnostics;
  assert.deepEqual(summaryOf(all), [], 'under the default cap: everything, no summary');
  assert.ok(all.some((d) => d.code === 'database-case-conflict'));
  const total = all.length;
  assert.equal(total, 13, 'one clash, twelve ports');

  settings = { maxProblems: 5 };
  const before = client.notificationsOf('textDocument/publishDiagnostics').length;
  client.notify('workspace/didChangeConfiguration', { settings: null });
  const capped = await waitUntil(
    () => client.notificationsOf('textDocument/publishDiagnostics').slice(before).find((p) => p.uri === uri),
    'diagnostics after maxProblems changed',
  );
  const [summary, ...shown] = capped.diagnostics;
  assert.equal(summary.code, 'too-many-problems');
  assert.equal(summary.severity, 3, 'information');
  assert.deepEqual(summary.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  assert.equal(summary.message, `${total - 5} more problems are not shown (mongodbUri.maxProblems is 5).`);
  assert.equal(summary.source, 'mongodb-uri');
  assert.deepEqual(shown, [...all].sort(byPosition).slice(0, 5), 'the first five in document order');
  assert.ok(shown.some((d) => d.code === 'database-case-conflict'), 'the clash on line 1 is among them');
  assert.equal(await client.shutdown(), 0);
});

test('1000 problems by default; a bad maxProblems is the default', async (t) => {
  const client = await startServer(t, { settings: { maxProblems: 0 } });
  client.openDocument(uri, 'dotenv', textWith(1100), 1);
  const { diagnostics } = await client.waitForDiagnostics(uri, 1, 30_000);
  assert.equal(diagnostics.length, 1001);
  const [summary] = summaryOf(diagnostics);
  assert.equal(summary.message, '100 more problems are not shown (mongodbUri.maxProblems is 1000).');
  // Shown: the problems of the first lines, none of the last ones.
  const lines = diagnostics.filter((d: any) => d.code !== 'too-many-problems').map((d: any) => d.range.start.line);
  assert.ok(lines.includes(2) && !lines.includes(1101), 'the first lines, not the last');
  assert.ok(lines.every((line: number, i: number) => i === 0 || line >= lines[i - 1]), 'in document order');
  assert.equal(await client.shutdown(), 0);
});

test('the sink caps only when told: the CLI reports every problem', () => {
  const analysis = analyzeDocument({ uri, languageId: 'dotenv', text: textWith(1500) }, defaultSettings);
  assert.equal(reportProblems(analysis.problems, { rules: {} }).length, 1500);
  const one = reportProblems(analysis.problems, { rules: {}, maxProblems: 1499 });
  assert.equal(one.length, 1500);
  assert.equal(one[0]!.problem.ruleId, TOO_MANY_PROBLEMS);
  assert.equal(one[0]!.problem.message, '1 more problem is not shown (mongodbUri.maxProblems is 1499).');
  // Rules turned off are not counted.
  assert.equal(reportProblems(analysis.problems, { rules: { 'port-invalid': 'off' }, maxProblems: 1 }).length, 0);
});
