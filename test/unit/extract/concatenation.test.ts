/**
 * Connection strings that code builds by concatenation (extract/codeConcatenation.ts): joined from the
 * literal that starts the chain, other operands as placeholders; problems shown in the pieces, quick
 * fixes that never take in the code between two pieces.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDocument, defaultSettings, getCodeActions } from '../../../server/src/service/languageService';
import { assertOffsetsSane, texts } from './helpers';

const analyze = (text: string, languageId: string) => {
  const doc = { uri: `file:///app/src/db.${languageId}`, languageId, text };
  const analysis = analyzeDocument(doc, defaultSettings);
  return { doc, analysis };
};

/** Each problem: its rule, the document text under it, and its quick fixes' edits as [replaced text, new text]. */
function problemsAndFixes(text: string, languageId: string): Array<[string, string, string[][]]> {
  const { doc, analysis } = analyze(text, languageId);
  return analysis.problems.map((p) => [
    p.ruleId,
    text.slice(p.span.start, p.span.end),
    getCodeActions(doc, analysis, p.span).flatMap((a) => a.edits.map((e) => [text.slice(e.start, e.end), e.newText])),
  ]);
}

describe('concatenated connection strings', () => {
  it('Java: two literals are one string, each problem in its piece, each fix inside it', () => {
    const text = 'String uri = "mongodb://reporter:R3p0rt!ng#2024@rpt-1.acme.internal:27017/reporting"\n    + "?replicaSet=rpt&readPreference=secondaryPrefered";\n';
    assert.deepEqual(texts(text, 'java'), ['mongodb://reporter:R3p0rt!ng#2024@rpt-1.acme.internal:27017/reporting?replicaSet=rpt&readPreference=secondaryPrefered']);
    const found = problemsAndFixes(text, 'java');
    assert.deepEqual(found.map(([rule, under]) => [rule, under]), [
      ['credentials-in-source', 'R3p0rt!ng#2024'],
      ['userinfo-unescaped', '#'],
      ['option-invalid-value', 'secondaryPrefered'],
    ]);
    assert.deepEqual(found[2]![2], [['secondaryPrefered', 'secondaryPreferred']]);
    assertOffsetsSane(text, 'java');
  });

  it('other operands are placeholders: what they hide is not judged, the rest is', () => {
    const text = "const uri = 'mongodb://admin:Rx7k@q2Lm9@' + host + ':27017/' + cfg.db.name + '?retryWrite=true';\n";
    assert.deepEqual(texts(text, 'typescript'), ['mongodb://admin:Rx7k@q2Lm9@${host}:27017/${cfg.db.name}?retryWrite=true']);
    const found = problemsAndFixes(text, 'typescript');
    assert.deepEqual(
      found.map(([rule, under]) => [rule, under]),
      [
        ['credentials-in-source', 'Rx7k@q2Lm9'],
        ['userinfo-unescaped', '@'],
        ['node-uri-rejected', '@'],
        ['option-unknown', 'retryWrite'],
      ],
    );
    // No range takes in the code between two pieces.
    for (const [, under] of found) assert.ok(!under.includes("'"), under);
    // Calls, members and indexes are operands too; an operand of another shape leaves the pieces as they were.
    assert.deepEqual(texts('uri = "mongodb://" + os.environ["MONGO_HOST"] + ":27017/" + db_name()\n', 'python'), ['mongodb://${os.environ["MONGO_HOST"]}:27017/${db_name()}']);
    assert.deepEqual(texts('const x = "mongodb://h:1/db" + (tls ? "?tls=true" : "");\n', 'javascript'), []);
    // A number written in the code is part of the string.
    assert.deepEqual(texts("const u = 'mongodb://localhost:' + 27017 + '/shop';\n", 'javascript'), ['mongodb://localhost:27017/shop']);
    assert.deepEqual(problemsAndFixes("const u = 'mongodb://localhost:' + 70000 + '/shop';\n", 'javascript').map(([rule, under]) => [rule, under]), [['port-invalid', '70000']]);
    assert.deepEqual(texts("const u = 'mongodb://localhost:' + 27017.5 + '/shop';\n", 'javascript'), []);
    assert.deepEqual(texts('const x = "mongodb://h:1/" + a * 2;\n', 'javascript'), []);
  });

  it('a fix at the end of a piece ends there; one that would cross into the next piece is not offered', () => {
    const atEnd = 'var uri = "mongodb://h:27017/?w=majorty" + "&appName=" + app;\n';
    assert.deepEqual(problemsAndFixes(atEnd, 'csharp'), [['option-invalid-value', 'majorty', [['majorty', 'majority']]]]);
    // An operand right after a value makes it unknown: nothing to say about `majorty${suffix}`.
    assert.deepEqual(problemsAndFixes('var uri = "mongodb://h:27017/?w=majorty" + suffix;\n', 'csharp'), []);
    // A password split over two pieces: its unescaped "@" is reported, its fix would rewrite the code between them.
    const split = 'const uri = "mongodb://app:pa" + "ss@word@db.example.com/shop";\n';
    const found = problemsAndFixes(split, 'javascript');
    assert.ok(found.some(([rule]) => rule === 'userinfo-unescaped'), JSON.stringify(found));
    for (const [, , edits] of found) for (const [replaced] of edits) assert.ok(!replaced!.includes('"'), `an edit takes in code: ${JSON.stringify(edits)}`);
  });

  it('in a fenced block of Markdown too: the pieces are where the block puts them', () => {
    const text = '# Setup\n\nConnect with:\n\n```js\nconst uri = "mongodb://db.acme.internal:27017/app?w=majorty" + "&appName=shop";\n```\n';
    assert.deepEqual(problemsAndFixes(text, 'markdown'), [['option-invalid-value', 'majorty', [['majorty', 'majority']]]]);
  });

  it('Python joins adjacent literals, PHP joins with "."; ++, += and a chain that an operand starts are not joined', () => {
    assert.deepEqual(texts('uri = ("mongodb://u:p@h:27017/db"\n       f"?appName={app}")\n', 'python'), ['mongodb://u:p@h:27017/db?appName=${app}']);
    assert.deepEqual(texts('$uri = "mongodb://" . $host . ":27017/app";\n', 'php'), ['mongodb://${$host}:27017/app']);
    assert.deepEqual(texts('uri = base + "mongodb://h:1/db";\nx = "mongodb://h:2/db" + +y;\n', 'javascript'), []);
    assert.deepEqual(texts('let s = "mongodb://h:3/db";\ns += "?tls=true";\n', 'javascript'), ['mongodb://h:3/db']);
  });

  it('a chain of more pieces than it reads stays in pieces', () => {
    const long = `const uri = "mongodb://h:1/db?" + ${Array.from({ length: 40 }, (_, k) => `"o${k}=1&"`).join(' + ')};\n`;
    assert.deepEqual(texts(long, 'javascript'), []);
    const short = `const uri = "mongodb://h:1/db?" + ${Array.from({ length: 20 }, (_, k) => `"o${k}=1&"`).join(' + ')};\n`;
    assert.equal(texts(short, 'javascript').length, 1);
  });
});
