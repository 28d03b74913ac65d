/**
 * Connection strings of a compose file composed from the `.env` beside it, read through the FileAccess
 * the caller gives: the problem on the reference in the compose file, the definition in `.env` as a
 * related place with its line, a quick fix that edits `.env`, the hover with the composed string masked.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, defaultSettings, doHover, getCodeActions } from '../../../server/src/service/languageService';

const composeUri = 'file:///srv/shop/compose.yaml';
const envUri = 'file:///srv/shop/.env';

const COMPOSE = [
  'services:',
  '  api:',
  '    image: node:20',
  '    environment:',
  '      MONGO_URL: mongodb://${MONGO_USER}:${MONGO_PASSWORD}@mongo:27017/shop?authSource=admin',
  '  mongo:',
  '    image: mongo:7',
  '',
].join('\n');

function analyze(compose: string, env: string | undefined) {
  const read: string[] = [];
  const doc = {
    uri: composeUri,
    languageId: 'dockercompose',
    text: compose,
    files: {
      read: (u: string) => {
        read.push(u);
        return u === envUri ? env : undefined;
      },
    },
  };
  return { doc, analysis: analyzeDocument(doc, defaultSettings), read };
}

describe('compose files with the .env beside them', () => {
  it('a password that needs encoding: on the reference, related to the .env line, fixed in .env', () => {
    const env = 'MONGO_USER=shop\nMONGO_PASSWORD=Zq7@word\n';
    const { doc, analysis, read } = analyze(COMPOSE, env);
    assert.deepEqual([...new Set(read)], [envUri]);
    assert.deepEqual(analysis.reads, [envUri]);
    const problems = analysis.problems.filter((p) => p.ruleId === 'userinfo-unescaped');
    assert.equal(problems.length, 1, JSON.stringify(analysis.problems));
    const p = problems[0]!;
    assert.equal(COMPOSE.slice(p.span.start, p.span.end), '${MONGO_PASSWORD}');
    assert.match(p.message, /\(in the value of MONGO_PASSWORD, \.env, line 2\)$/);
    assert.ok(!p.message.includes('Zq7'));
    assert.deepEqual(p.related, [{ documentUri: envUri, span: { start: 31, end: 39 }, range: { start: { line: 1, character: 15 }, end: { line: 1, character: 23 } }, message: 'MONGO_PASSWORD is defined here' }]);
    const actions = getCodeActions(doc, analysis, p.span);
    assert.equal(actions.length, 1);
    assert.equal(actions[0]!.title, 'Percent-encode the password in MONGO_PASSWORD (.env, line 2)');
    assert.deepEqual(actions[0]!.edits.map((e) => [e.newText, e.elsewhere]), [['Zq7%40word', { documentUri: envUri, range: { start: { line: 1, character: 15 }, end: { line: 1, character: 23 } } }]]);
    const hover = doHover(doc, analysis, p.span.start + 3)!;
    assert.match(hover.contents, /as docker compose fills them/);
    assert.match(hover.contents, /`mongodb:\/\/shop:\*\*\*\*@mongo:27017\/shop\?authSource=admin`/);
    assert.match(hover.contents, /`MONGO_PASSWORD` \(\.env, line 2\): `\*\*\*\*`/);
    assert.ok(!hover.contents.includes('Zq7'));
  });

  it('no .env beside (or no file access): variables stay placeholders and nothing is reported', () => {
    assert.deepEqual(analyze(COMPOSE, undefined).analysis.problems, []);
    const alone = analyzeDocument({ uri: composeUri, languageId: 'dockercompose', text: COMPOSE }, defaultSettings);
    assert.deepEqual(alone.problems, []);
    assert.equal(alone.reads, undefined);
  });

  it('a password the mongo service also reads is not rewritten by the fix (its value would change there)', () => {
    const compose = COMPOSE + '    environment:\n      MONGO_INITDB_ROOT_PASSWORD: ${MONGO_PASSWORD}\n';
    const { doc, analysis } = analyze(compose, 'MONGO_USER=shop\nMONGO_PASSWORD=Zq7@word\n');
    const p = analysis.problems.find((x) => x.ruleId === 'userinfo-unescaped')!;
    assert.ok(p, JSON.stringify(analysis.problems));
    assert.deepEqual(getCodeActions(doc, analysis, p.span), []);
  });

  it('$$ is a literal $ in compose; the default of a variable .env does not define is not assumed (the shell may define it)', () => {
    const compose = COMPOSE.replace('mongo:27017', '$${MONGO_HOST}:${MONGO_PORT:-70000}');
    const { analysis } = analyze(compose, 'MONGO_USER=shop\nMONGO_PASSWORD=s3cret\n');
    const ids = analysis.problems.map((p) => p.ruleId);
    // `$${MONGO_HOST}` is the text `${MONGO_HOST}`: a placeholder host, not a variable of .env.
    assert.ok(!ids.includes('host-invalid'), JSON.stringify(analysis.problems));
    assert.ok(!ids.includes('port-invalid'), JSON.stringify(analysis.problems));
    // Defined in .env, the port is checked.
    const defined = analyze(compose, 'MONGO_USER=shop\nMONGO_PASSWORD=s3cret\nMONGO_PORT=70000\n').analysis.problems.map((p) => p.ruleId);
    assert.ok(defined.includes('port-invalid'), JSON.stringify(defined));
  });
});

describe('a composed string whose variables are all unknown', () => {
  it('its hover says so and where they were looked for; the usual hover of the part is not lost elsewhere', () => {
    const { doc, analysis } = analyze(COMPOSE, 'OTHER=1\n');
    const at = COMPOSE.indexOf('${MONGO_PASSWORD}') + 2;
    const hover = doHover(doc, analysis, at)!;
    assert.match(hover.contents, /None of its variables \(`MONGO_USER`, `MONGO_PASSWORD`\) is defined in the \.env beside this file: their values come from the environment at run time/);
    assert.equal(COMPOSE.slice(hover.span.start, hover.span.end), '${MONGO_PASSWORD}');
    const none = analyze(COMPOSE, undefined);
    assert.match(doHover(none.doc, none.analysis, at)!.contents, /beside this file \(there is none\)/);
    // Outside the references: the hover of the connection string itself.
    assert.doesNotMatch(doHover(doc, analysis, COMPOSE.indexOf('@mongo') + 2)?.contents ?? '', /None of its variables/);
  });

  it('in a .env file too, with one variable', () => {
    const text = 'MONGODB_URI=mongodb://app:${DB_PASS}@db.internal/shop\n';
    const env = { uri: 'file:///p/.env', languageId: 'dotenv', text };
    const hover = doHover(env, analyzeDocument(env, defaultSettings), text.indexOf('DB_PASS'))!;
    assert.match(hover.contents, /Its variable `DB_PASS` is not defined in this file: its value comes from the environment/);
  });
});

describe('deploy.replicas and the Atlas tier', () => {
  const compose = (replicas: number, pool: number) =>
    [
      'services:',
      '  api:',
      '    image: shop/api:1.4',
      '    deploy:',
      `      replicas: ${replicas}`,
      '    environment:',
      `      MONGODB_URI: mongodb+srv://shop:\${MONGO_PASSWORD}@cluster0.ab1cd.mongodb.net/shop?maxPoolSize=${pool}`,
      '',
    ].join('\n');
  const settings = { ...defaultSettings, atlas: { tier: 'M10', clientInstances: 1 } };
  const run = (text: string, s = settings) => analyzeDocument({ uri: composeUri, languageId: 'dockercompose', text }, s).problems.filter((p) => p.ruleId === 'atlas-connections-exceed-tier');

  it('each replica has its own pool: four of 500 exceed an M10, one does not', () => {
    const text = compose(4, 500);
    const found = run(text);
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.equal(text.slice(found[0]!.span.start, found[0]!.span.end), 'maxPoolSize=500');
    assert.match(found[0]!.message, /4 application instances/);
    assert.deepEqual(found[0]!.related?.map((r) => [text.slice(r.span.start, r.span.end), r.message]), [['4', 'Service api runs 4 replicas, each with its own pool']]);
    assert.deepEqual(run(compose(1, 500)), []);
    assert.deepEqual(run(compose(4, 100)), []);
  });

  it('no tier set: nothing; a pool too large for one instance is reported once, by the string itself', () => {
    assert.deepEqual(run(compose(4, 500), { ...settings, atlas: { tier: '', clientInstances: 1 } }), []);
    const once = run(compose(4, 5000));
    assert.equal(once.length, 1);
    assert.equal(once[0]!.related, undefined);
  });
});

describe("a service's own environment, for what its container expands ($${VAR})", () => {
  const compose = [
    'services:',
    '  init-replica:',
    '    image: mongo:7',
    '    env_file:',
    '      - ./mongo.env',
    '    environment:',
    '      MONGO_HOST: mongo:70000',
    '    command: >',
    '      mongosh "mongodb://root:$${MONGO_ROOT_PASSWORD}@$${MONGO_HOST}/admin" --eval "rs.initiate()"',
    '  mongo:',
    '    image: mongo:7',
    '',
  ].join('\n');
  const files = new Map([['file:///srv/shop/mongo.env', 'MONGO_ROOT_PASSWORD=Zq7@word\n']]);
  const doc = { uri: composeUri, languageId: 'dockercompose', text: compose, files: { read: (u: string) => files.get(u) } };

  it('environment: and env_file: fill in the escaped references; problems on them, related to the definitions', () => {
    const analysis = analyzeDocument(doc, defaultSettings);
    const found = analysis.problems
      .filter((p) => p.related?.length)
      .map((p) => [p.ruleId, compose.slice(p.span.start, p.span.end), p.related![0]!.documentUri, p.related![0]!.range?.start.line ?? compose.slice(p.related![0]!.span.start, p.related![0]!.span.end)]);
    assert.deepEqual(found, [
      ['userinfo-unescaped', '$${MONGO_ROOT_PASSWORD}', 'file:///srv/shop/mongo.env', 0],
      ['port-invalid', '$${MONGO_HOST}', composeUri, 'mongo:70000'],
    ]);
    assert.ok(analysis.problems.every((p) => !p.message.includes('Zq7')));
    const hover = doHover(doc, analysis, compose.indexOf('MONGO_HOST}'))!;
    assert.match(hover.contents, /`mongodb:\/\/root:\*\*\*\*@mongo:70000\/admin`/);
  });

  it('without them, `$${VAR}` stays text that the container fills in: no problem', () => {
    const bare = { ...doc, text: compose.replace('      MONGO_HOST: mongo:70000\n', ''), files: { read: () => undefined } };
    assert.deepEqual(analyzeDocument(bare, defaultSettings).problems.filter((p) => p.related?.length), []);
  });
});
