/**
 * Connection strings composed from the variables of the same .env file: checked as composed, problems
 * brought in by a variable shown on its reference with the defining line as related information, nothing
 * reported twice, unknown variables opaque, cycles harmless, no secret in any message.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, defaultSettings, doHover, getCodeActions } from '../../../server/src/service/languageService';
import { SECRET_CASES, secretsIn } from '../../helpers/secrets';

const uri = 'file:///p/.env';
const analyze = (text: string) => analyzeDocument({ uri, languageId: 'dotenv', text }, defaultSettings);
const found = (text: string) =>
  analyze(text).problems.map((p) => [p.ruleId, text.slice(p.span.start, p.span.end), (p.related ?? []).map((r) => text.slice(r.span.start, r.span.end))]);

describe('connection strings composed in a .env file', () => {
  it('a password that needs encoding, a port out of range: on the reference, pointing at the definition', () => {
    const text = 'DB_PASS=s3cr@t\nDB_PORT=70000\nMONGODB_URI=mongodb://app:${DB_PASS}@localhost:${DB_PORT}/shop\n';
    assert.deepEqual(found(text), [
      ['userinfo-unescaped', '${DB_PASS}', ['s3cr@t']],
      ['port-invalid', '${DB_PORT}', ['70000']],
    ]);
    const port = analyze(text).problems.find((p) => p.ruleId === 'port-invalid')!;
    assert.match(port.message, /^With its variables filled in: Port 70000 is out of range .*\(in the value of DB_PORT, line 2\)$/);
  });

  it('$VAR and ${VAR:-default} as dotenv-expand reads them; the default of a variable the file does not define is not assumed', () => {
    const text = 'HOST=db.internal:99999\nEMPTY=\nURI_A=mongodb://$HOST/x\nURI_B=mongodb://${EMPTY:-bad host}/x\nURI_C=mongodb://${UNSET:-bad host}/x\nURI_D=mongodb://${UNSET:-bad host},${HOST}/x\n';
    const all = found(text);
    assert.ok(all.some(([id, under]) => id === 'port-invalid' && under === '$HOST'), JSON.stringify(all));
    // EMPTY is defined empty: its default applies, and its problem is on its own characters (the space).
    // UNSET may be set where the application runs: its default is not taken for granted.
    const inDefault = analyze(text).problems.filter((p) => p.ruleId === 'host-invalid');
    assert.equal(inDefault.length, 1);
    assert.equal(inDefault[0]!.span.start, text.indexOf('bad host') + 3);
    assert.equal(inDefault[0]!.related, undefined);
  });

  it('what the string itself shows is reported once; unknown variables stay opaque; single quotes are not expanded', () => {
    const text = "DB_HOST=db\nMONGODB_URI=mongodb://${DB_HOST}/shop?retryWrite=true\nOTHER=mongodb://${UNKNOWN}:27017/x\nLITERAL='mongodb://${DB_PORT}/x'\nDB_PORT=70000\n";
    const ids = analyze(text).problems.map((p) => p.ruleId);
    assert.equal(ids.filter((id) => id === 'option-unknown').length, 1);
    assert.ok(!ids.includes('port-invalid'));
  });

  it('cycles and long chains end', () => {
    const chain = Array.from({ length: 200 }, (_, i) => `V${i}=\${V${i + 1}}`).join('\n');
    const text = `A=\${B}\nB=\${A}\nURI=mongodb://\${A}/x\n${chain}\nV200=\${V0}\nURI2=mongodb://\${V0}/x\n`;
    assert.doesNotThrow(() => analyze(text));
  });

  it('no secret of a definition appears in a message', () => {
    let checked = 0;
    for (const c of SECRET_CASES) {
      for (const secret of c.secrets) {
        const text = `DB_PASS="${secret.replace(/["\\]/g, '')}@x"\nMONGODB_URI=mongodb://app:\${DB_PASS}@db.example.com/shop\n`;
        const problems = analyze(text).problems;
        checked += problems.length;
        for (const p of problems) {
          assert.deepEqual(secretsIn(p.message, [secret]), [], p.message);
          for (const r of p.related ?? []) assert.deepEqual(secretsIn(r.message, [secret]), []);
        }
      }
    }
    assert.ok(checked > 20, `${checked} problems looked at`);
  });
});

describe('hover on a variable of a composed string', () => {
  const text = 'DB_USER=app\nDB_PASS=Zq7@word\nDB_HOST=db.internal\nMONGODB_URI=mongodb://${DB_USER}:${DB_PASS}@${DB_HOST}:27017/shop?authSource=${AUTH_DB}\n';
  const doc = { uri, languageId: 'dotenv', text };
  it('shows the composed string with the password masked, and where each variable comes from', () => {
    const h = doHover(doc, analyzeDocument(doc, defaultSettings), text.indexOf('${DB_HOST}') + 3)!;
    assert.equal(text.slice(h.span.start, h.span.end), '${DB_HOST}');
    assert.match(h.contents, /`mongodb:\/\/app:\*\*\*\*@db\.internal:27017\/shop\?authSource=\$\{AUTH_DB\}`/);
    assert.match(h.contents, /- `DB_USER` \(line 1\): `app`/);
    assert.match(h.contents, /- `DB_PASS` \(line 2\): `\*\*\*\*`/);
    assert.match(h.contents, /- `AUTH_DB`: not defined in this file/);
    assert.ok(!h.contents.includes('Zq7'), h.contents);
  });
  it('elsewhere in the string, the hover of the connection string', () => {
    const h = doHover(doc, analyzeDocument(doc, defaultSettings), text.indexOf('authSource') + 2);
    assert.ok(h && !h.contents.includes('variables filled in'));
  });
});

describe('quick fix of a composed string', () => {
  const fixesOf = (text: string) => {
    const doc = { uri, languageId: 'dotenv', text };
    return getCodeActions(doc, analyzeDocument(doc, defaultSettings), { start: 0, end: text.length }).map((f) => [f.title, f.edits.map((e) => text.slice(0, e.start) + e.newText + text.slice(e.end))]);
  };
  it('a password to percent-encode is encoded where it is defined', () => {
    const text = 'DB_PASS=p@ss:w0rd\nA_URI=mongodb://app:${DB_PASS}@db.example.com/a?tls=true\nB_URI=mongodb://app:${DB_PASS}@db.example.com/b?tls=true\n';
    const fixes = fixesOf(text);
    assert.deepEqual(fixes, [['Percent-encode the password in DB_PASS (line 1)', [text.replace('p@ss:w0rd', 'p%40ss%3Aw0rd')]]]);
  });
  it('not when the file uses the variable for something else too, nor when it is written with escapes', () => {
    assert.deepEqual(fixesOf('DB_PASS=p@ss\nMONGO_INITDB_ROOT_PASSWORD=${DB_PASS}\nA_URI=mongodb://app:${DB_PASS}@db.example.com/a?tls=true\n'), []);
    assert.deepEqual(fixesOf('DB_PASS="p@s\\ts"\nA_URI=mongodb://app:${DB_PASS}@db.example.com/a?tls=true\n'), []);
  });
});

describe('Spring .properties composed in the same file', () => {
  it('${key} and ${key:default}: a problem on the reference, pointing at the property; the hover names Spring', () => {
    const text = 'mongo.host=db.internal\nmongo.port=99999\nspring.data.mongodb.uri=mongodb://${mongo.host}:${mongo.port:27017}/${mongo.db:shop}?tls=true\n';
    const doc = { uri: 'file:///p/src/main/resources/application.properties', languageId: 'properties', text };
    const a = analyzeDocument(doc, defaultSettings);
    const found = a.problems.map((p) => [p.ruleId, text.slice(p.span.start, p.span.end), (p.related ?? []).map((r) => text.slice(r.span.start, r.span.end))]);
    assert.deepEqual(found, [['port-invalid', '${mongo.port:27017}', ['99999']]]);
    const h = doHover(doc, a, text.indexOf('${mongo.host}') + 2)!;
    assert.match(h.contents, /as Spring fills them/);
    assert.match(h.contents, /`mongodb:\/\/db\.internal:99999\/\$\{mongo\.db:shop\}\?tls=true`/);
  });
});

describe('a variable used in two strings in different roles', () => {
  it('is checked in each role: a password with an unescaped colon, the same text as a host with a bad port', () => {
    const text = 'PART=db.internal:70000\nAPP_URI=mongodb://app:${PART}@db.internal/shop?tls=true\nADMIN_URI=mongodb://${PART}/admin?tls=true\n';
    const problems = analyze(text).problems.filter((p) => p.related?.length);
    const line = (p: { span: { start: number } }) => text.slice(0, p.span.start).split('\n').length;
    const byLine = new Map<number, string[]>();
    for (const p of problems) byLine.set(line(p), [...(byLine.get(line(p)) ?? []), p.ruleId]);
    assert.ok(byLine.get(2)?.includes('userinfo-unescaped'), JSON.stringify([...byLine]));
    assert.deepEqual(byLine.get(3), ['port-invalid'], JSON.stringify([...byLine]));
    for (const p of problems) assert.equal(text.slice(p.span.start, p.span.end), '${PART}');
  });
});
