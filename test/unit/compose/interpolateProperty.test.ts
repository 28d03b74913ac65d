/**
 * referencesResolve, the quick test that decides whether a connection string is interpolated at all, on
 * random texts of every syntax and random sets of known variables: `resolved` exactly when the
 * interpolation (unknown variables kept) resolves some reference, `none` exactly when it meets none, and
 * it looks up no variable that the interpolation does not look up.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { interpolate, referencesResolve, type Lookup, type VariableDefinition } from '../../../server/src/service/compose/interpolate';
import type { InterpolationSyntax } from '../../../server/src/service/compose/references';
import { checkProperty } from '../../helpers/fuzz';

const NAMES = ['A', 'B', 'db_pass', 'a.b', 'HOST'];
const piece = fc.constantFrom(
  'x', ':', '@', '/', '\\', '$', '$$', '{', '}', '-', '?', '+', '.', ' ',
  '${A}', '$A', '$B', '${B:-d}', '${B-$A}', '${HOST:?gone}', '${A:+alt}', '${db_pass}', '${a.b}', '${a.b:def}', '\\$A', '$${A}', '$$B', '${', '${A', '${Z}', '$Z',
);
const text = fc.array(piece, { maxLength: 10 }).map((a) => a.join(''));
const syntax = fc.constantFrom<InterpolationSyntax>('dotenv', 'compose', 'spring', 'none');
const known = fc.subarray(NAMES);

function definitions(names: readonly string[], value: string): Lookup {
  const map = new Map<string, VariableDefinition>(names.map((name) => [name, { name, value, documentUri: 'file:///p/.env', start: 0, syntax: 'dotenv' }]));
  return (name) => map.get(name);
}

/** A lookup that writes down every name it is asked for. */
function recording(lookup: Lookup, asked: Set<string>): Lookup {
  return (name) => {
    asked.add(name);
    return lookup(name);
  };
}

describe('referencesResolve agrees with interpolate', () => {
  it('on random texts, syntaxes and known variables', () => {
    checkProperty(
      'referencesResolve',
      fc.property(text, syntax, known, fc.option(known, { nil: undefined }), fc.constantFrom('v', '${A}', '$$B'), (t, s, names, escapedNames, value) => {
        const askedFull = new Set<string>();
        const askedQuick = new Set<string>();
        const lookup = definitions(names, value);
        const escaped = escapedNames === undefined ? undefined : definitions(escapedNames, 'e');
        const full = interpolate(t, s, recording(lookup, askedFull), { keepUnknown: true, ...(escaped ? { escaped: recording(escaped, askedFull) } : {}) });
        const quick = referencesResolve(t, s, recording(lookup, askedQuick), escaped && recording(escaped, askedQuick));
        const expected = full.references.some((r) => r.definition !== undefined) ? 'resolved' : full.references.length > 0 ? 'unknown' : 'none';
        assert.equal(quick, expected, `${s} ${JSON.stringify(t)}`);
        for (const name of askedQuick) assert.ok(askedFull.has(name), `${name} looked up in ${JSON.stringify(t)} (${s})`);
      }),
      2000,
    );
  });

  it('examples', () => {
    const lookup = definitions(['A'], 'v');
    assert.equal(referencesResolve('mongodb://u:${A}@h/', 'dotenv', lookup), 'resolved');
    assert.equal(referencesResolve('mongodb://u:${MONGO_PASSWORD}@h/', 'dotenv', lookup), 'unknown');
    assert.equal(referencesResolve('mongodb://u:\\$A@h/', 'dotenv', lookup), 'none');
    // An unknown variable's default is not read: the environment may set the variable.
    assert.equal(referencesResolve('mongodb://u:${B:-$A}@h/', 'dotenv', lookup), 'unknown');
    assert.equal(referencesResolve('mongodb://u:$${A}@h/', 'compose', lookup), 'none');
    assert.equal(referencesResolve('mongodb://u:$${A}@h/', 'compose', definitions([], ''), lookup), 'resolved');
    assert.equal(referencesResolve('mongodb://u:${A}@h/', 'none', lookup), 'none');
  });
});
