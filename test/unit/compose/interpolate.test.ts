/**
 * Interpolation as compose, dotenv-expand and Spring do it, with the origin of every part of the result;
 * unknown variables stay as written, cycles and runaway expansions stop.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { interpolate, MAX_DEPTH, MAX_LENGTH, type InterpolationSyntax, type VariableDefinition } from '../../../server/src/service/compose/interpolate';
import { checkProperty } from '../../helpers/fuzz';
import { dotenvFinder } from '../../../server/src/service/compose/variables';

/** Definitions written one per line in a document `NAME=value`, offsets as written. */
function env(vars: Record<string, string>, syntax: InterpolationSyntax = 'dotenv', documentUri = 'file:///p/.env') {
  let doc = '';
  const defs = new Map<string, VariableDefinition>();
  for (const [name, value] of Object.entries(vars)) {
    const start = doc.length + name.length + 1;
    doc += `${name}=${value}\n`;
    defs.set(name, { name, value, documentUri, syntax, start });
  }
  return { doc, lookup: (name: string) => defs.get(name) };
}

const text = (t: string, syntax: InterpolationSyntax, vars: Record<string, string> = {}) => interpolate(t, syntax, env(vars).lookup).text;

describe('compose interpolation', () => {
  const vars = { USER: 'app', EMPTY: '', HOST: 'db' };
  it('${VAR}, $VAR and $$', () => {
    assert.equal(text('mongodb://${USER}@$HOST:27017/$${x}', 'compose', vars), 'mongodb://app@db:27017/${x}');
  });
  it('defaults and alternatives, set, empty and unset', () => {
    assert.equal(text('${EMPTY:-d}|${EMPTY-d}|${NONE:-d}|${NONE-d}|${USER:-d}', 'compose', vars), 'd||d|d|app');
    assert.equal(text('${USER:+alt}|${EMPTY:+alt}|${EMPTY+alt}|${NONE+alt}', 'compose', vars), 'alt||alt|');
    assert.equal(text('${NONE:-${HOST:-x}}', 'compose', vars), 'db');
  });
  it('${VAR:?message} of an unset variable is reported, and stays as written', () => {
    const r = interpolate('mongodb://${DB_HOST:?set DB_HOST}/x', 'compose', env(vars).lookup);
    assert.equal(r.text, 'mongodb://${DB_HOST:?set DB_HOST}/x');
    assert.deepEqual(r.required.map((q) => [q.name, q.message, q.span]), [['DB_HOST', 'set DB_HOST', { start: 10, end: 33 }]]);
    assert.equal(r.complete, false);
    assert.equal(interpolate('${EMPTY?m}', 'compose', env(vars).lookup).required.length, 0);
    assert.equal(interpolate('${EMPTY:?m}', 'compose', env(vars).lookup).required.length, 1);
  });
  it('an unknown variable stays as written: the result is not complete', () => {
    const r = interpolate('mongodb://${MONGO_USER}:$MONGO_PASSWORD@db/x', 'compose', env(vars).lookup);
    assert.equal(r.text, 'mongodb://${MONGO_USER}:$MONGO_PASSWORD@db/x');
    assert.equal(r.complete, false);
    assert.deepEqual(r.references.map((x) => [x.name, x.definition === undefined]), [['MONGO_USER', true], ['MONGO_PASSWORD', true]]);
  });
  it('keepUnknown: a reference the lookup does not know stays as written, default or not', () => {
    const r = interpolate('${NONE:-d}|${USER:-d}|${NONE+x}', 'compose', env(vars).lookup, { keepUnknown: true });
    assert.equal(r.text, '${NONE:-d}|app|${NONE+x}');
    assert.equal(r.complete, false);
  });
  it('not references: a lone $, ${ without }, ${1}, $-', () => {
    assert.equal(text('a$ b${x c$-d${1}', 'compose', vars), 'a$ b${x c$-d${1}');
  });
});

describe('dotenv-expand and Spring', () => {
  it('dotenv: \\$ is a $, $$ is two', () => {
    assert.equal(text('p\\$ss$$', 'dotenv'), 'p$ss$$');
  });
  it("Spring: ${a.b} and ${a.b:default} (the default only when the key is not defined); $name is text", () => {
    const vars = { 'mongo.host': 'db', 'mongo.empty': '' };
    assert.equal(text('mongodb://${mongo.host}:${mongo.port:27017}/${mongo.empty:x}$db', 'spring', vars), 'mongodb://db:27017/$db');
  });
  it('a definition\'s own references are expanded by its syntax', () => {
    const { lookup } = env({ HOST: 'db', URI: 'mongodb://${HOST}:27017' });
    assert.equal(interpolate('${URI}/app', 'compose', lookup).text, 'mongodb://db:27017/app');
  });
});

describe('bounded', () => {
  it('a cycle stops where it closes', () => {
    const r = interpolate('${A}', 'compose', env({ A: 'x${B}', B: 'y${A}' }).lookup);
    assert.equal(r.text, 'xy${A}');
    assert.equal(r.complete, false);
    assert.ok(r.parts.some((p) => p.origin.kind === 'unresolved' && p.origin.reason === 'cycle'));
  });
  it(`a chain deeper than ${MAX_DEPTH} stops`, () => {
    const vars: Record<string, string> = {};
    for (let i = 0; i < 40; i++) vars[`V${i}`] = `\${V${i + 1}}`;
    vars.V40 = 'end';
    const r = interpolate('${V0}', 'compose', env(vars).lookup);
    assert.equal(r.complete, false);
    assert.ok(r.parts.some((p) => p.origin.kind === 'unresolved' && p.origin.reason === 'too-deep'));
  });
  it('doubling at every level stops at the expansion and length limits', () => {
    const vars: Record<string, string> = {};
    for (let i = 0; i < 15; i++) vars[`V${i}`] = `\${V${i + 1}}\${V${i + 1}}`;
    vars.V15 = 'x'.repeat(100);
    const r = interpolate('${V0}', 'compose', env(vars).lookup);
    assert.equal(r.complete, false);
    assert.ok(r.text.length <= MAX_LENGTH + 200, `${r.text.length}`);
  });
});

describe('origins', () => {
  const names = ['A', 'B', 'C'];
  const piece = fc.constantFrom('x', 'mongodb://', '@', ':', '$', '$$', '\\$', '${A}', '${B}', '$C', '${A:-d}', '${B-${C}}', '${C:+y}', '${Z}', '${A:?m}', '{', '}');
  const value = fc.array(piece, { maxLength: 8 }).map((a) => a.join(''));
  it('every character of the result comes from one part, and each part is the text it says it is', () => {
    checkProperty(
      'interpolation origins',
      fc.property(value, fc.dictionary(fc.constantFrom(...names), fc.array(fc.constantFrom('v', 'w', '${A}', '${B}', '$C', ':', '@'), { maxLength: 4 }).map((a) => a.join(''))), fc.constantFrom<InterpolationSyntax>('compose', 'dotenv'), (t, vars, syntax) => {
        const { doc, lookup } = env(vars, syntax);
        const r = interpolate(t, syntax, lookup);
        let at = 0;
        for (const p of r.parts) {
          assert.equal(p.start, at);
          assert.ok(p.end > p.start);
          at = p.end;
          const got = r.text.slice(p.start, p.end);
          if (p.origin.kind === 'text') assert.equal(got, t.slice(p.origin.start, p.origin.end));
          if (p.origin.kind === 'definition') assert.equal(got, doc.slice(p.origin.start, p.origin.end));
        }
        assert.equal(at, r.text.length);
      }),
      500,
    );
  });
});

describe('.env definitions', () => {
  it('every assignment, decoded, a later one winning; expanded as dotenv-expand does (not in single quotes)', () => {
    const doc = [
      '# database',
      'export DB_HOST=db.internal',
      'DB_PORT = 27017 # the default',
      "DB_PASS='p@ss${word}'",
      'DB_USER="app\\tuser"',
      'MONGODB_URI=mongodb://${DB_USER}:${DB_PASS}@${DB_HOST}:${DB_PORT}/shop',
      'DB_PORT=27018',
      '',
    ].join('\n');
    const find = dotenvFinder(doc, 'file:///p/.env');
    const defs = new Map(['DB_HOST', 'DB_PORT', 'DB_PASS', 'DB_USER', 'MONGODB_URI', 'NOT_THERE'].map((n) => [n, find(n)] as const).filter(([, d]) => d !== undefined));
    assert.deepEqual([...defs.keys()], ['DB_HOST', 'DB_PORT', 'DB_PASS', 'DB_USER', 'MONGODB_URI']);
    assert.equal(defs.get('DB_PORT')!.value, '27018');
    const r = interpolate('${MONGODB_URI}', 'compose', (name) => defs.get(name));
    assert.equal(r.text, 'mongodb://app\tuser:p@ss${word}@db.internal:27018/shop');
    assert.equal(r.complete, true);
    // Each part points at the characters of the document it came from (the tab at its escape).
    for (const p of r.parts) {
      if (p.origin.kind !== 'definition') continue;
      const got = r.text.slice(p.start, p.end);
      const written = doc.slice(p.origin.start, p.origin.end);
      assert.equal(got.replace('\t', '\\t'), written, `${got} at ${p.origin.start}`);
    }
  });
});
