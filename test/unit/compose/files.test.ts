import assert from 'node:assert/strict';
import { test } from 'node:test';
import { siblingUri } from '../../../server/src/service/compose/files';

test('a relative path is resolved against the folder of the document', () => {
  assert.equal(siblingUri('file:///srv/app/compose.yaml', '.env'), 'file:///srv/app/.env');
  assert.equal(siblingUri('file:///srv/app/compose.yaml', './config/app.env'), 'file:///srv/app/config/app.env');
  assert.equal(siblingUri('file:///srv/app/deploy/compose.yaml', '../.env'), 'file:///srv/app/.env');
  assert.equal(siblingUri('file:///srv/app/compose.yaml', 'env\\prod.env'), 'file:///srv/app/env/prod.env');
});

test('an absolute path keeps the authority of the document', () => {
  assert.equal(siblingUri('file:///srv/app/compose.yaml', '/etc/app/mongo.env'), 'file:///etc/app/mongo.env');
  assert.equal(siblingUri('vscode-vfs://github/acme/shop/compose.yaml', '/.env'), 'vscode-vfs://github/.env');
  assert.equal(siblingUri('file:///c%3A/app/compose.yaml', 'C:/env/app.env'), 'file:///C:/env/app.env');
});

test('characters a URI cannot hold are encoded; a document without a folder has no siblings', () => {
  assert.equal(siblingUri('file:///srv/my%20app/compose.yaml', 'dev env/.env'), 'file:///srv/my%20app/dev%20env/.env');
  assert.equal(siblingUri('untitled:Untitled-1', '.env'), undefined);
  assert.equal(siblingUri('compose.yaml', '.env'), undefined);
  assert.equal(siblingUri('file:///compose.yaml', '../../.env'), 'file:///.env');
});
