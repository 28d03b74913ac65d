/**
 * The prefilter's test of deployments configured in code (mayHaveClusterProblems in cli/prefilter.ts)
 * against analyzeClusterLimits itself: whenever the analysis finds a problem in a file, the test lets
 * the file through. The files aim at the edge of the test: `initiate(` and `reconfig(` called on a bare
 * `rs` (behind comments and line breaks) and on anything else, replica set commands, shard keys and
 * capped options spelt with escapes, a line continued inside a string. Calls on anything but `rs`,
 * beside no command or option, are ruled out, so that a test that always says yes fails too.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { analyzeClusterLimits } from '../../server/src/service/limits/clusterLimits';
import { sourceCode } from '../../server/src/service/lex/sourceCode';
import { mayHaveClusterProblems } from '../../server/src/cli/prefilter';
import { checkProperty } from '../helpers/fuzz';

const problems = (text: string, languageId: string): string[] => analyzeClusterLimits(sourceCode(text, languageId, '', undefined, true)).problems.map((p) => p.ruleId);

/** A replica set configuration of 8 voting members (one too many), in JavaScript or Python. */
const members = (python: boolean) =>
  `{ ${python ? '"_id"' : '_id'}: "rs0", ${python ? '"members"' : 'members'}: [${Array.from({ length: 8 }, (_, k) => `{ "host": "h${k}:1" }`).join(', ')}] }`;

/** `word` as it is, with `\` before one of its letters, or with a string's line continued inside it. */
function spell(word: string, trick: number, at: number): string {
  const i = 1 + (at % (word.length - 1));
  switch (trick) {
    case 1:
      return `${word.slice(0, i)}\\${word.slice(i)}`;
    case 2:
      return `${word.slice(0, i)}\\\n${word.slice(i)}`;
    case 3:
      // An escape the lexer does not decode (`\x63` reads as `x63`): no name.
      return `${word.slice(0, i)}\\x${word.charCodeAt(i).toString(16)}${word.slice(i + 1)}`;
    default:
      return word;
  }
}

/** Who a call of initiate( or reconfig( is made on. */
const RECEIVERS = ['rs', 'rs /* the set */ ', 'rs\n  ', 'api', 'signIn.api', '$rs', 'rs2', 'this.rs'];

const statement = fc.record({
  kind: fc.constantFrom('call', 'add', 'assign', 'command', 'capped', 'create', 'shard', 'filler'),
  receiver: fc.constantFrom(...RECEIVERS),
  method: fc.constantFrom('initiate', 'reconfig'),
  arg: fc.constantFrom('config', 'cfg', '', 'req'),
  command: fc.constantFrom('replSetInitiate', 'replSetReconfig', 'shardCollection'),
  trick: fc.integer({ min: 0, max: 3 }),
  at: fc.nat(),
});

type Statement = typeof statement extends fc.Arbitrary<infer T> ? T : never;

function line(s: Statement, python: boolean): string {
  const config = members(python);
  const t = python ? 'True' : 'true';
  switch (s.kind) {
    case 'call':
      return `${s.receiver}.${s.method}(${s.arg === 'config' ? config : s.arg})`;
    case 'add':
      return 'rs.add("h9:1")';
    case 'assign':
      return `cfg = ${config}`;
    case 'command': {
      const name = spell(s.command, s.trick, s.at);
      const value = s.command === 'shardCollection' ? '"a.b", "key": { "loc": "2dsphere" }' : config;
      return `db.adminCommand({ "${name}": ${value} })`;
    }
    case 'capped':
      return `db.runCommand({ "create": "log", "${spell('capped', s.trick, s.at)}": ${t} })`;
    case 'create':
      return python ? `db.create_collection("log", capped=${t})` : `db.createCollection("log", { "${spell('capped', s.trick, s.at)}": ${t} })`;
    case 'shard':
      return 'sh.shardCollection("a.b", { createdAt: 1 })';
    default:
      return '// nothing here';
  }
}

describe('the cluster pretest of the prefilter against analyzeClusterLimits', () => {
  test('random files: whenever the analysis finds a problem, the pretest lets the file through', (t) => {
    const counts = { found: 0, ruledOut: 0 };
    checkProperty(
      'cluster pretest keeps every problem',
      fc.property(fc.array(statement, { minLength: 1, maxLength: 3 }), fc.boolean(), (statements, python) => {
        const text = `${statements.map((s) => line(s, python)).join('\n')}\n`;
        const found = problems(text, python ? 'python' : 'javascript');
        if (found.length > 0) {
          counts.found++;
          assert.ok(mayHaveClusterProblems(text), `ruled out, but the analysis finds ${found.join(', ')} in:\n${text}`);
        } else if (!mayHaveClusterProblems(text)) counts.ruledOut++;
      }),
      400,
    );
    t.diagnostic(JSON.stringify(counts));
    assert.ok(counts.found > 60 && counts.ruledOut > 30, JSON.stringify(counts));
  });

  test('the edges, one case each', () => {
    const config = members(false);
    for (const text of [
      `rs.initiate(${config})`,
      `rs /* the set */ .reconfig(${config})`,
      `api.initiate(req)\ndb.adminCommand({ "replSet\\Initiate": ${config} })`,
      `api.initiate(req)\ndb.adminCommand({ "replSetRe\\\nconfig": ${config} })`,
      'api.reconfig(req)\ndb.runCommand({ create: "log", "c\\apped": true })',
      'api.initiate(req)\ndb.adminCommand({ "shard\\Collection": "a.b", key: { loc: "2dsphere" } })',
    ]) {
      assert.ok(problems(text, 'javascript').length > 0, `the analysis finds a problem in:\n${text}`);
      assert.ok(mayHaveClusterProblems(text), text);
    }
    // Calls on anything but a bare rs, and escapes the lexer reads otherwise (`\x61` is `x61`).
    for (const text of [
      'request = await signIn.initiate(params)',
      `api.initiate(${config})\nrs2.reconfig(${config})`,
      'api.initiate(req)\ndb.runCommand({ create: "log", "c\\x61pped": true, max: 1 })',
      'api.initiate(req)\nconst s = "\\d+\\s";',
    ]) {
      assert.deepEqual(problems(text, 'javascript'), [], text);
      assert.equal(mayHaveClusterProblems(text), false, text);
    }
  });
});
