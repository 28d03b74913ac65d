/**
 * Spring configuration files compose connection strings from each other: `${key}` in
 * `application.yml` or `application-dev.properties` resolves from the application's configuration
 * files beside it, a profile's file before the base one and `.properties` before `.yml` at one level.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, defaultSettings, doHover, getCodeActions } from '../../../server/src/service/languageService';

const DIR = 'file:///app/src/main/resources/';
const YML = [
  'spring:',
  '  data:',
  '    mongodb:',
  '      uri: mongodb://${mongo.user}:${mongo.password}@${mongo.host}:${mongo.port:27017}/shop',
  'mongo:',
  '  user: app',
  '  host: db.internal',
  '',
].join('\n');

function analyze(name: string, text: string, languageId: string, others: Record<string, string>) {
  const doc = { uri: DIR + name, languageId, text, files: { read: (u: string) => (u.startsWith(DIR) ? others[u.slice(DIR.length)] : undefined) } };
  return { doc, analysis: analyzeDocument(doc, defaultSettings) };
}

const at = (text: string, p: { span: { start: number; end: number } }) => text.slice(p.span.start, p.span.end);

describe('Spring configuration files', () => {
  it('a profile yml reads its own properties file first, then the base files; problems point at the defining file', () => {
    const { doc, analysis } = analyze('application-dev.yml', YML, 'yaml', {
      'application-dev.properties': 'mongo.password=p@ss\nmongo.port=99999\n',
      'application.properties': 'mongo.host=base.internal\n',
    });
    const problems = analysis.problems.filter((p) => p.ruleId === 'userinfo-unescaped' || p.ruleId === 'port-invalid');
    assert.deepEqual(problems.map((p) => [p.ruleId, at(YML, p), p.related?.[0]?.documentUri, p.related?.[0]?.range?.start]), [
      ['userinfo-unescaped', '${mongo.password}', DIR + 'application-dev.properties', { line: 0, character: 15 }],
      ['port-invalid', '${mongo.port:27017}', DIR + 'application-dev.properties', { line: 1, character: 11 }],
    ]);
    // The profile file's own mongo.host (in this yml) wins over application.properties.
    const hover = doHover(doc, analysis, YML.indexOf('mongo.host}'))!;
    assert.match(hover.contents, /`mongodb:\/\/app:\*\*\*\*@db\.internal:99999\/shop`/);
    assert.match(hover.contents, /`mongo\.password` \(application-dev\.properties, line 1\): `\*\*\*\*`/);
    const fix = getCodeActions(doc, analysis, problems[0]!.span)[0]!;
    assert.deepEqual(fix.edits.map((e) => [e.newText, e.elsewhere?.documentUri]), [['p%40ss', DIR + 'application-dev.properties']]);
  });

  it('at one level .properties wins over .yml; the base yml does not read profile files', () => {
    const { doc, analysis } = analyze('application.yml', YML, 'yaml', {
      'application.properties': 'mongo.host=bad host\n',
      'application-dev.properties': 'mongo.password=p@ss\n',
    });
    assert.deepEqual(analysis.reads, [DIR + 'application.properties', DIR + 'application.yaml']);
    const host = analysis.problems.find((p) => p.ruleId === 'host-invalid');
    assert.equal(host && at(YML, host), '${mongo.host}', JSON.stringify(analysis.problems));
    assert.ok(!analysis.problems.some((p) => p.ruleId === 'userinfo-unescaped'));
    assert.match(doHover(doc, analysis, YML.indexOf('mongo.password'))!.contents, /`mongo\.password`: not defined in the application's configuration files/);
  });

  it('a properties file reads the yml beside it', () => {
    const props = 'spring.data.mongodb.uri=mongodb://${mongo.host}/shop\n';
    const { analysis } = analyze('application.properties', props, 'properties', { 'application.yml': 'mongo:\n  host: "bad host"\n' });
    assert.ok(analysis.problems.some((p) => p.ruleId === 'host-invalid' && at(props, p) === '${mongo.host}'), JSON.stringify(analysis.problems));
  });

  it('YAML that is not a Spring configuration file is not composed; a properties file of another name reads itself only', () => {
    const other = analyze('values.yml', YML, 'yaml', { 'application.properties': 'mongo.password=p@ss\n' });
    assert.equal(other.analysis.reads, undefined);
    assert.ok(!other.analysis.problems.some((p) => p.related));
    const gradle = analyze('gradle.properties', 'mongo.uri=mongodb://${mongo.host}/x\n', 'properties', { 'application.properties': 'mongo.host=a b\n' });
    assert.equal(gradle.analysis.reads, undefined);
  });
});
