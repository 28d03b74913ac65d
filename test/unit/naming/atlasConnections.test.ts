/** maxPoolSize against the connection limit of the Atlas tier set in mongodbUri.atlas.tier. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveAtlasTier } from '../../../server/src/service/data/atlas';
import { analyzeDocument } from '../../../server/src/service/languageService';
import { problemsOf, settingsWith } from '../../helpers/problems';

const RULE = ['atlas-connections-exceed-tier'];
const atlas = (tier: string, clientInstances = 1) => settingsWith({ atlas: { tier, clientInstances } });
const env = (query: string) => `MONGODB_URI=mongodb+srv://api:\${MONGO_PASSWORD}@shop.ab1cd.mongodb.net/shop${query}\n`;

describe('Atlas connection limits', () => {
  it('no tier set: nothing is checked', () => {
    assert.deepEqual(problemsOf(env('?maxPoolSize=100000'), 'dotenv', { ruleIds: RULE }), []);
  });

  it('M0 (500 per node, 10 reserved): maxPoolSize=490 fits, 491 does not', () => {
    assert.deepEqual(problemsOf(env('?maxPoolSize=490'), 'dotenv', { ruleIds: RULE, settings: atlas('M0') }), []);
    assert.deepEqual(problemsOf(env('?maxPoolSize=491'), 'dotenv', { ruleIds: RULE, settings: atlas('M0') }), [['atlas-connections-exceed-tier', 'maxPoolSize=491', 'warning']]);
  });

  it('the default maxPoolSize of 100 times the application instances, reported on the hosts', () => {
    assert.deepEqual(problemsOf(env(''), 'dotenv', { ruleIds: RULE, settings: atlas('M10', 14) }), []);
    const found = problemsOf(env(''), 'dotenv', { ruleIds: RULE, settings: atlas('m10', 15) });
    assert.deepEqual(found, [['atlas-connections-exceed-tier', 'shop.ab1cd.mongodb.net', 'warning']]);
  });

  it('maxPoolSize=0 removes the cap: always more than a tier allows', () => {
    assert.deepEqual(problemsOf(env('?maxPoolSize=0'), 'dotenv', { ruleIds: RULE, settings: atlas('M700') }), [['atlas-connections-exceed-tier', 'maxPoolSize=0', 'warning']]);
  });

  it('low-CPU tiers (R40) have their own limit', () => {
    assert.equal(resolveAtlasTier('R40')?.connectionsPerNode, 4000);
    assert.equal(resolveAtlasTier('M40 low-CPU')?.connectionsPerNode, 4000);
    assert.equal(resolveAtlasTier('M40')?.connectionsPerNode, 6000);
    assert.equal(resolveAtlasTier('R10'), undefined);
    assert.equal(resolveAtlasTier('M99'), undefined);
    assert.deepEqual(problemsOf(env('?maxPoolSize=1000'), 'dotenv', { ruleIds: RULE, settings: atlas('R40', 4) }), [['atlas-connections-exceed-tier', 'maxPoolSize=1000', 'warning']]);
    assert.deepEqual(problemsOf(env('?maxPoolSize=1000'), 'dotenv', { ruleIds: RULE, settings: atlas('M40', 4) }), []);
  });

  it('near misses: hosts outside Atlas, an unknown tier, a placeholder maxPoolSize', () => {
    const local = 'MONGODB_URI=mongodb://localhost:27017/shop?maxPoolSize=5000\n';
    assert.deepEqual(problemsOf(local, 'dotenv', { ruleIds: RULE, settings: atlas('M0') }), []);
    assert.deepEqual(problemsOf(env('?maxPoolSize=5000'), 'dotenv', { ruleIds: RULE, settings: atlas('M12') }), []);
    assert.deepEqual(problemsOf(env('?maxPoolSize=${POOL}'), 'dotenv', { ruleIds: RULE, settings: atlas('M0') }), []);
  });

  it('the message gives the numbers', () => {
    const analysis = analyzeDocument({ uri: 'file:///p/.env', languageId: 'dotenv', text: env('?maxPoolSize=500') }, atlas('M10', 4));
    const p = analysis.problems.find((x) => x.ruleId === 'atlas-connections-exceed-tier');
    assert.ok(p);
    assert.match(p.message, /maxPoolSize=500 and 4 application instances, up to 2000 connections/);
    assert.match(p.message, /M10 allows 1500 connections per node and keeps 10 for Atlas, leaving 1490/);
  });
});
