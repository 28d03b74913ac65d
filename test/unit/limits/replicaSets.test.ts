/** Replica set configurations in code: at most 50 members, at most 7 voting, in every language the calls are written in. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hoverAt as hoverIn, problemsOf, DRIVER_PROJECT } from '../../helpers/problems';

/** Hovers in a file of a project that uses the driver. */
const hoverAt = (marked: string, languageId: string) => hoverIn(marked, languageId, DRIVER_PROJECT);

const RULES = ['replica-set-too-many-members', 'replica-set-too-many-voting'];
const found = (text: string, languageId = 'javascript') => problemsOf(text, languageId, { ruleIds: RULES, settings: DRIVER_PROJECT });

/** `n` members as JavaScript object literals; the first `voting` vote, the rest have votes: 0. */
function jsMembers(n: number, voting = Math.min(n, 7)): string {
  return Array.from({ length: n }, (_, i) => `    { _id: ${i}, host: "mongo-${i}.internal:27017"${i < voting ? '' : ', priority: 0, votes: 0'} }`).join(',\n');
}

function pyMembers(n: number, voting = Math.min(n, 7)): string {
  return Array.from({ length: n }, (_, i) => `        {"_id": ${i}, "host": "mongo-${i}.internal:27017"${i < voting ? '' : ', "priority": 0, "votes": 0'}}`).join(',\n');
}

describe('replica set members in JavaScript and playgrounds', () => {
  it('rs.initiate with 51 members: an error at the 51st; 50 are fine', () => {
    const js = (n: number) => `rs.initiate({\n  _id: "rs0",\n  members: [\n${jsMembers(n)}\n  ]\n});\n`;
    assert.deepEqual(found(js(51)), [['replica-set-too-many-members', '{ _id: 50, host: "mongo-50.internal:27017", priority: 0, votes: 0 }', 'error']]);
    assert.deepEqual(found(js(50)), []);
    assert.deepEqual(found(js(51), 'mongodb'), found(js(51)));
  });

  it('8 voting members: an error at the 8th voter; 7 voters with non-voting others are fine', () => {
    const js = (n: number, voting: number) => `rs.initiate({ _id: "rs0", members: [\n${jsMembers(n, voting)}\n] })\n`;
    assert.deepEqual(found(js(8, 8)), [['replica-set-too-many-voting', '{ _id: 7, host: "mongo-7.internal:27017" }', 'error']]);
    assert.deepEqual(found(js(12, 7)), []);
    // votes: 1 written out counts like an absent votes; an arbiter votes.
    const explicit = `rs.reconfig({ _id: "rs0", version: 2, members: [\n${Array.from({ length: 7 }, (_, i) => `{ _id: ${i}, host: "h${i}:27017", votes: 1 }`).join(',\n')},\n{ _id: 7, host: "arb:27017", arbiterOnly: true }\n] });\n`;
    assert.deepEqual(found(explicit), [['replica-set-too-many-voting', '{ _id: 7, host: "arb:27017", arbiterOnly: true }', 'error']]);
  });

  it('a configuration in a variable of the same file; the last assignment before the call counts', () => {
    const ts = `const cfg: ReplSetConfig = {\n  _id: "rs0",\n  members: [\n${jsMembers(8, 8)}\n  ],\n};\nrs.initiate(cfg);\n`;
    assert.deepEqual(found(ts, 'typescript'), [['replica-set-too-many-voting', '{ _id: 7, host: "mongo-7.internal:27017" }', 'error']]);
    const reassigned = `let cfg = { _id: "rs0", members: [\n${jsMembers(8, 8)}\n] };\ncfg = { _id: "rs0", members: [\n${jsMembers(8, 7)}\n] };\nrs.reconfig(cfg);\n`;
    assert.deepEqual(found(reassigned), []);
    // Without semicolons, the statement after the literal is no part of it.
    assert.deepEqual(found(`const cfg = { _id: "rs0", members: [\n${jsMembers(8, 8)}\n] }\nrs.initiate(cfg)\n`).map(([id]) => id), ['replica-set-too-many-voting']);
  });

  it('db.adminCommand({ replSetInitiate: cfg }) and runCommand({ replSetReconfig: … })', () => {
    const js = `const cfg = { _id: "rs0", members: [\n${jsMembers(51)}\n] };\ndb.adminCommand({ replSetInitiate: cfg });\n`;
    assert.deepEqual(found(js).map(([id]) => id), ['replica-set-too-many-members']);
    const reconfig = `db.getSiblingDB("admin").runCommand({ replSetReconfig: { _id: "rs0", version: 3, members: [\n${jsMembers(8, 8)}\n] }, force: true });\n`;
    assert.deepEqual(found(reconfig).map(([id]) => id), ['replica-set-too-many-voting']);
    assert.deepEqual(found(`db.adminCommand({ replSetInitiate: { _id: "rs0", members: [\n${jsMembers(7, 7)}\n] } });\n`), []);
  });

  it('rs.add after an initiate in the same file counts on: the 8th voter and the 51st member', () => {
    const adds = (n: number, arg: (i: number) => string) => Array.from({ length: n }, (_, i) => `rs.add(${arg(i + 3)});`).join('\n');
    const base = `rs.initiate({ _id: "rs0", members: [\n${jsMembers(3)}\n] });\n`;
    const voters = (n: number) => base + adds(n, (i) => `"mongo-${i}.internal:27017"`) + '\n';
    assert.deepEqual(found(voters(5)), [['replica-set-too-many-voting', 'add', 'error']]);
    assert.deepEqual(found(voters(4)), []);
    const hidden = (n: number) => base + adds(4, (i) => `"mongo-${i}:27017"`) + '\n' + adds(n, (i) => `{ host: "extra-${i}:27017", priority: 0, votes: 0 }`) + '\nrs.addArb("arb:27017");\n';
    // 3 + 4 voters; the hidden members do not vote; the arbiter is the 8th voter.
    assert.deepEqual(found(hidden(42)), [['replica-set-too-many-voting', 'addArb', 'error']]);
    // 3 + 4 + 43 + the arbiter: 51 members and 8 voters at once.
    assert.deepEqual(found(hidden(43)), [['replica-set-too-many-members', 'addArb', 'error'], ['replica-set-too-many-voting', 'addArb', 'error']]);
    const many = (n: number) => `rs.initiate({ _id: "rs0", members: [\n${jsMembers(7)}\n] });\n` + adds(n, (i) => `{ host: "m${i}:27017", priority: 0, votes: 0 }`) + '\n';
    assert.deepEqual(found(many(44)), [['replica-set-too-many-members', 'add', 'error']]);
    assert.deepEqual(found(many(43)), []);
    // Without an initiate in the file nothing is counted.
    assert.deepEqual(found(adds(60, (i) => `"m${i}:27017"`)), []);
  });

  it('members it cannot count are not guessed: a spread, a variable member, a computed list', () => {
    assert.deepEqual(found(`rs.initiate({ _id: "rs0", members: [...others,\n${jsMembers(7, 7)}\n] });\n`), []);
    assert.deepEqual(found(`rs.initiate({ _id: "rs0", members: [primary,\n${jsMembers(7, 7)}\n] });\n`), []);
    assert.deepEqual(found(`rs.initiate({ _id: "rs0", members: hosts.map((h, i) => ({ _id: i, host: h })) });\n`), []);
    // But 51 members with a spread among them are still too many.
    assert.deepEqual(found(`rs.initiate({ _id: "rs0", members: [...others,\n${jsMembers(51)}\n] });\n`).map(([id]) => id), ['replica-set-too-many-members']);
  });

  it('calls in comments and strings, and other receivers, are not read', () => {
    assert.deepEqual(found(`// rs.initiate({ _id: "rs0", members: [${jsMembers(9, 9)}] })\nconst s = "rs.initiate({ members: [] })";\n`), []);
    assert.deepEqual(found(`app.initiate({ members: [\n${jsMembers(9, 9)}\n] });\n`), []);
  });
});

describe('replica set members in Python', () => {
  it('client.admin.command("replSetInitiate", config): 8 voters and 51 members; just under is fine', () => {
    const py = (n: number, voting: number) => `config = {\n    "_id": "rs0",\n    "members": [\n${pyMembers(n, voting)}\n    ],\n}\nclient.admin.command("replSetInitiate", config)\n`;
    assert.deepEqual(found(py(8, 8), 'python'), [['replica-set-too-many-voting', '{"_id": 7, "host": "mongo-7.internal:27017"}', 'error']]);
    assert.deepEqual(found(py(51, 7), 'python').map(([id]) => id), ['replica-set-too-many-members']);
    assert.deepEqual(found(py(50, 7), 'python'), []);
  });

  it('the command as a dict, replSetReconfig, and a list comprehension that cannot be counted', () => {
    const dict = `client.admin.command({"replSetReconfig": {"_id": "rs0", "version": 2, "members": [\n${pyMembers(8, 8)}\n]}})\n`;
    assert.deepEqual(found(dict, 'python').map(([id]) => id), ['replica-set-too-many-voting']);
    const comprehension = `client.admin.command("replSetInitiate", {"_id": "rs0", "members": [{"_id": i, "host": h} for i, h in enumerate(hosts)]})\n`;
    assert.deepEqual(found(comprehension, 'python'), []);
  });
});

describe('hover on members', () => {
  it('states both limits and what the configuration lists', () => {
    const h = hoverAt(`rs.initiate({ _id: "rs0", mem|bers: [\n${jsMembers(9, 7)}\n] });\n`, 'javascript')!;
    assert.equal(h.under, 'members');
    assert.match(h.contents, /at most 50 members/);
    assert.match(h.contents, /At most 7 members of a replica set can vote/);
    assert.match(h.contents, /This configuration lists 9 members, 7 voting\./);
  });

  it('in a Python dict passed by variable', () => {
    const h = hoverAt(`cfg = {"_id": "rs0", "mem|bers": [{"_id": 0, "host": "a:27017"}]}\nclient.admin.command("replSetInitiate", cfg)\n`, 'python')!;
    assert.equal(h.under, 'members');
    assert.match(h.contents, /This configuration lists 1 member, 1 voting\./);
  });
});
