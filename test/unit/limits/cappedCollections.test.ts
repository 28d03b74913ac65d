/** Capped collections in code: size is required, max must be below 2^31. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hoverAt as hoverIn, problemsOf, DRIVER_PROJECT } from '../../helpers/problems';

/** Hovers in a file of a project that uses the driver. */
const hoverAt = (marked: string, languageId: string) => hoverIn(marked, languageId, DRIVER_PROJECT);

const RULES = ['capped-max-too-large', 'capped-size-missing'];
const found = (text: string, languageId = 'javascript') => problemsOf(text, languageId, { ruleIds: RULES, settings: DRIVER_PROJECT });

describe('capped collections in JavaScript and playgrounds', () => {
  it('max of 2^31 is refused; 2^31 - 1 is the largest that is accepted', () => {
    assert.deepEqual(found(`db.createCollection("audit", { capped: true, size: 1048576, max: 2147483648 });\n`), [['capped-max-too-large', '2147483648', 'error']]);
    assert.deepEqual(found(`db.createCollection("audit", { capped: true, size: 1048576, max: 2147483647 });\n`), []);
    assert.deepEqual(found(`await db.createCollection('audit', { capped: true, size: 1e9, max: NumberLong("3000000000") })\n`, 'mongodb'), [
      ['capped-max-too-large', 'NumberLong("3000000000")', 'error'],
    ]);
  });

  it('capped: true without size is refused; with size, or not capped, it is fine', () => {
    assert.deepEqual(found(`db.createCollection("log", { capped: true, max: 5000 });\n`), [['capped-size-missing', 'capped', 'error']]);
    assert.deepEqual(found(`db.createCollection("log", { capped: true, size: 4096, max: 5000 });\n`), []);
    assert.deepEqual(found(`db.createCollection("log", { capped: false, max: 5000 });\n`), []);
    assert.deepEqual(found(`db.createCollection("log");\n`), []);
  });

  it('options from a variable of the file; a spread or an unknown options object is not judged', () => {
    assert.deepEqual(found(`const opts = { capped: true }\nawait db.createCollection("log", opts)\n`, 'typescript'), [['capped-size-missing', 'capped', 'error']]);
    assert.deepEqual(found(`db.createCollection("log", { ...defaults, capped: true });\n`), []);
    assert.deepEqual(found(`db.createCollection("log", options);\n`), []);
  });

  it('the create command', () => {
    assert.deepEqual(found(`db.runCommand({ create: "log", capped: true, max: 4294967296 });\n`), [
      ['capped-size-missing', 'capped', 'error'],
      ['capped-max-too-large', '4294967296', 'error'],
    ]);
    assert.deepEqual(found(`db.runCommand({ create: "log", capped: true, size: 65536 });\n`), []);
  });
});

describe('capped collections in Python', () => {
  it('create_collection with keyword arguments: just over and just under the bound', () => {
    assert.deepEqual(found(`db.create_collection("audit", capped=True, size=2**20, max=2_147_483_648)\n`, 'python'), [['capped-max-too-large', '2_147_483_648', 'error']]);
    assert.deepEqual(found(`db.create_collection("audit", capped=True, size=2**20, max=2_147_483_647)\n`, 'python'), []);
  });

  it('capped=True without size; **kwargs may hold it', () => {
    assert.deepEqual(found(`log = db.create_collection("log", capped=True, max=1000)\n`, 'python'), [['capped-size-missing', 'capped', 'error']]);
    assert.deepEqual(found(`log = db.create_collection("log", capped=True, **options)\n`, 'python'), []);
    assert.deepEqual(found(`log = db.create_collection("log", capped=False)\n`, 'python'), []);
  });

  it('the create command through command()', () => {
    assert.deepEqual(found(`db.command("create", "log", capped=True)\n`, 'python'), [['capped-size-missing', 'capped', 'error']]);
    assert.deepEqual(found(`db.command({"create": "log", "capped": True, "size": 4096, "max": 2147483648})\n`, 'python'), [['capped-max-too-large', '2147483648', 'error']]);
  });
});

describe('hover on capped and max', () => {
  it('states the bound of max and that size is required', () => {
    for (const marked of [`db.createCollection("log", { cap|ped: true, size: 4096 });\n`, `db.createCollection("log", { capped: true, size: 4096, m|ax: 10 });\n`]) {
      const h = hoverAt(marked, 'javascript')!;
      assert.match(h.contents, /less than 2\^31 \(2147483648\)/);
      assert.match(h.contents, /needs a `size`/);
    }
    assert.equal(hoverAt(`db.create_collection("log", cap|ped=True, size=4096)\n`, 'python')?.under, 'capped');
  });
});
