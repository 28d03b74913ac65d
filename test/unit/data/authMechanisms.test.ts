/**
 * The Node.js block of the mechanism table (data/authMechanisms.ts), checked against the installed driver:
 * its mechanism list and order, the mechanisms it ties to $external and its CANONICALIZE_HOST_NAME values.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from '../../helpers/repo';
import {
  EXTERNAL_AUTH_SOURCE,
  NODE_AUTH_MECHANISMS,
  NODE_DEFAULT_MECHANISM,
} from '../../../server/src/service/data/authMechanisms';

const requireFromRoot = createRequire(join(repoRoot(), 'package.json'));
const providers = requireFromRoot('mongodb/lib/cmap/auth/providers') as {
  AuthMechanism: Record<string, string>;
  AUTH_MECHS_AUTH_SRC_EXTERNAL: Set<string>;
};
const gssapi = requireFromRoot('mongodb/lib/cmap/auth/gssapi') as { GSSAPICanonicalizationValue: Record<string, string | boolean> };

describe('mechanism table, Node.js block', () => {
  it('lists the driver\'s mechanisms in the driver\'s order, DEFAULT included', () => {
    assert.deepEqual(NODE_AUTH_MECHANISMS.map((m) => m.name), Object.values(providers.AuthMechanism));
    assert.ok(NODE_AUTH_MECHANISMS.includes(NODE_DEFAULT_MECHANISM));
    assert.deepEqual(NODE_AUTH_MECHANISMS.map((m) => m.node.order), NODE_AUTH_MECHANISMS.map((_, i) => i));
  });

  it('ties to $external exactly the mechanisms the driver does', () => {
    const external = NODE_AUTH_MECHANISMS.filter((m) => m.externalOnly).map((m) => m.name).sort();
    assert.deepEqual(external, [...providers.AUTH_MECHS_AUTH_SRC_EXTERNAL].sort());
    assert.equal(EXTERNAL_AUTH_SOURCE, '$external');
  });

  it('accepts the driver\'s CANONICALIZE_HOST_NAME values wherever the driver checks them', () => {
    const driver = Object.values(gssapi.GSSAPICanonicalizationValue).map(String).sort();
    for (const m of NODE_AUTH_MECHANISMS) {
      if (m.name === 'MONGODB-X509') assert.equal(m.node.canonicalize, undefined, 'the driver returns before the check');
      else assert.deepEqual(m.node.canonicalize?.map(String).sort(), driver, m.name);
    }
  });
});
