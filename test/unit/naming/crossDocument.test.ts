/** Database names that differ only by case across open documents (the LSP layer keeps the names). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDocument, crossDocumentProblems, databaseNamesOf, defaultSettings } from '../../../server/src/service/languageService';
import { reportProblems } from '../../../server/src/problemSink';

function names(uri: string, languageId: string, text: string) {
  return { uri, names: databaseNamesOf(analyzeDocument({ uri, languageId, text }, defaultSettings)) };
}

describe('case conflicts across documents', () => {
  const env = names('file:///app/.env', 'dotenv', 'MONGODB_URI=mongodb://db:27017/salesData\nMONGO_DB=inventory\n');
  const js = names('file:///app/src/report.js', 'javascript', "import { MongoClient } from 'mongodb';\nconst sales = client.db(\"SalesData\");\nconst inv = client.db(\"inventory\");\n");
  const py = names('file:///app/jobs/export.py', 'python', 'from pymongo import MongoClient\ndb = client["SALESDATA"]\n');

  it('warns in each document, naming the other files', () => {
    const inEnv = crossDocumentProblems(env, [js, py]);
    assert.equal(inEnv.length, 1);
    assert.equal(inEnv[0]!.ruleId, 'database-case-conflict');
    assert.equal(inEnv[0]!.severity, 'warning');
    assert.match(inEnv[0]!.message, /"salesData" differs only by case from "SalesData" in report\.js; "SALESDATA" in export\.py/);
    const inJs = crossDocumentProblems(js, [env, py]);
    assert.deepEqual(inJs.map((p) => p.message.slice(0, 11)), ['"SalesData"']);
  });

  it('the same spelling elsewhere, or no other documents: nothing', () => {
    const other = names('file:///app/b.env', 'dotenv', 'MONGO_DB=salesData\n');
    assert.deepEqual(crossDocumentProblems(env, [other]), []);
    assert.deepEqual(crossDocumentProblems(env, []), []);
  });

  it('the severity setting of the rule is applied where the problems are reported', () => {
    const off = { ...defaultSettings, rules: { 'database-case-conflict': 'off' as const } };
    assert.deepEqual(reportProblems(crossDocumentProblems(env, [js]), off), []);
    const error = { ...defaultSettings, rules: { 'database-case-conflict': 'error' as const } };
    assert.equal(reportProblems(crossDocumentProblems(env, [js]), error)[0]!.severity, 'error');
  });
});
