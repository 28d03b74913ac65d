/**
 * The compose facts of a file with many services (compose/composeFacts.ts) cost linear work in its size:
 * which services hold a connection string, which service a host names and the line a message cites are
 * each found once per file, not by a search of every service, or a count of the lines from the top, for
 * every string; so are the places in the `.env` beside it that strings composed from its variables point
 * at (compose/composedStrings.ts). Files of hundreds of services are generated, and the checks then read each one. The work
 * is counted (test/helpers/workMeter.ts), never timed: at 8 times the services at most 9 times the work
 * plus a small constant.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDocument, defaultSettings } from '../../../server/src/service/languageService';
import { linearWork } from '../../helpers/workMeter';

const settings = { ...defaultSettings, maxFileSize: 1 << 24 };

/** `n` services of an application, each with its connection string, and the MongoDB server they use. */
function composeFile(n: number, host: (i: number) => string): string {
  const services = Array.from(
    { length: n },
    (_, i) => `  app${i}:\n    image: shop/app:1.${i}\n    environment:\n      MONGO_URL: mongodb://root:example@${host(i)}/shop_${i}\n      DB_NAME: shop_${i}\n`,
  );
  const mongo = '  mongo:\n    image: mongo:7\n    command: ["--replSet", "rs0"]\n    environment:\n      MONGO_INITDB_ROOT_USERNAME: root\n      MONGO_INITDB_ROOT_PASSWORD: example\n';
  return `services:\n${services.join('')}${mongo}`;
}

describe('compose facts of a file with many services: linear work', () => {
  const cases: Array<[string, (i: number) => string, string]> = [
    // The service by its name, without the replica set the server runs (a problem per string).
    ['every string names the MongoDB service', () => 'mongo:27017', 'compose-'],
    // localhost inside a container (a problem per string, with the server's line in its message).
    ['every string says localhost', () => 'localhost:27017', 'compose-localhost'],
    // A name no service answers to, the same misspelling in every service (a problem per string, with
    // the closest service name, worked out once per host: each distinct unknown host is compared with
    // every service name).
    ['every string names the same unknown host', () => 'mongodb:27017', 'compose-host-unknown'],
  ];
  it('every string uses its own password from the .env beside the file (a character to encode in each)', () => {
    /** The services' strings, each with the password of its own variable, and the .env that defines them. */
    const numbered = (n: number) => {
      let i = 0;
      const text = composeFile(n, () => 'mongo:27017').replace(/root:example@/g, () => `root:\${MONGO_PASSWORD_${i++}}@`);
      const env = Array.from({ length: n }, (_, k) => `MONGO_PASSWORD_${k}=p@ss${k}\n`).join('');
      return { text, env };
    };
    const run = ({ text, env }: { text: string; env: string }) => {
      const read = (u: string) => (u === 'file:///p/.env' ? env : undefined);
      const a = analyzeDocument({ uri: 'file:///p/compose.yaml', languageId: 'dockercompose', text, files: { read } }, settings);
      // The problem in each string, with the definition's place in the .env and a fix there.
      const found = a.problems.filter((p) => p.ruleId === 'userinfo-unescaped' && p.related?.some((r) => r.documentUri === 'file:///p/.env' && r.range));
      assert.ok(found.length >= text.split('\n  app').length - 1, `${found.length} problems through the .env`);
    };
    const w = linearWork(numbered, run, 64);
    assert.ok(w.linear, `${w.small} steps for 64 services, ${w.large} for 8 times as many (bound ${w.bound})`);
  });

  for (const [name, host, rule] of cases) {
    it(name, () => {
      const run = (text: string) => {
        const a = analyzeDocument({ uri: 'file:///p/compose.yaml', languageId: 'dockercompose', text }, settings);
        const services = text.split('\n  app').length - 1;
        assert.ok(a.problems.filter((p) => p.ruleId.startsWith(rule)).length >= services, `a ${rule} problem per string`);
      };
      const w = linearWork((n) => composeFile(n, host), run, 64);
      assert.ok(w.linear, `${w.small} steps for 64 services, ${w.large} for 8 times as many (bound ${w.bound})`);
    });
  }
});
