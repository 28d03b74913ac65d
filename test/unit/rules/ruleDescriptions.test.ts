/** Every rule explains itself: a title, and a description that says more than the title. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RULES as TABLE } from '../../../server/src/service/rules/ruleTable';
import { RULE_DESCRIPTIONS, ruleDescription } from '../../../server/src/service/rules/ruleDescriptions';

/** The rules with their descriptions, which live in a table of their own. */
const RULES = TABLE.map((r) => ({ ...r, description: ruleDescription(r.id) }));

/** Lower-case words of a text (letters and digits). */
function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

/** Sentences: a full stop, question or exclamation mark followed by a space and a capital letter. */
function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-Z])/);
}

describe('rule descriptions', () => {
  it('describe rules of the rule table only', () => {
    const ids = new Set(TABLE.map((r) => r.id));
    assert.deepEqual(Object.keys(RULE_DESCRIPTIONS).filter((id) => !ids.has(id)), []);
  });

  it('every rule has a title', () => {
    for (const r of RULES) {
      assert.equal(typeof r.title, 'string', r.id);
      assert.ok(r.title.trim().length >= 10, `${r.id}: title "${r.title}"`);
    }
  });

  it('every rule has a description of at least 40 characters', () => {
    for (const r of RULES) {
      assert.equal(typeof r.description, 'string', r.id);
      assert.ok(r.description.trim().length >= 40, `${r.id}: ${r.description.length} characters`);
    }
  });

  it('no description just repeats its title', () => {
    for (const r of RULES) {
      const title = r.title.toLowerCase();
      const description = r.description.toLowerCase();
      assert.notEqual(description.replace(/[.\s]+$/, ''), title.replace(/[.\s]+$/, ''), r.id);
      assert.ok(description.split(title).join('').trim().length >= 40, `${r.id}: little besides the title`);
      const titleWords = new Set(words(r.title));
      const more = new Set(words(r.description).filter((w) => !titleWords.has(w)));
      assert.ok(more.size >= 10, `${r.id}: only ${more.size} words that are not in the title`);
    }
  });

  it('one to three plain sentences, ending with a full stop, each description different', () => {
    const seen = new Map<string, string>();
    for (const r of RULES) {
      const n = sentences(r.description).length;
      assert.ok(n >= 1 && n <= 3, `${r.id}: ${n} sentences`);
      assert.match(r.description, /\.$/, r.id);
      assert.doesNotMatch(r.description, /\s{2}|\n/, `${r.id}: stray whitespace`);
      assert.equal(seen.get(r.description), undefined, `${r.id} has the description of ${seen.get(r.description)}`);
      seen.set(r.description, r.id);
    }
  });

  it('descriptions agree with the rule: Node.js profile rules, information and hints', () => {
    for (const r of RULES) {
      if (r.group === 'node') assert.match(r.description, /^Under the Node\.js profile only:/, r.id);
      if (r.severity === 'info') assert.match(r.description, /information only/, `${r.id} is information by default`);
      if (r.severity === 'hint') assert.match(r.description, /\bhint\b/, `${r.id} is a hint by default`);
      if (/information only/.test(r.description)) assert.equal(r.severity, 'info', `${r.id} says it is information only`);
    }
  });
});
