/**
 * The floor of the start-up benchmark: a bare vscode-languageserver server that does nothing but
 * answer initialize with textDocumentSync, bundled with the product server's esbuild settings
 * (esbuild.mjs → bench/out/bareServer.js) and started the same way (`node bareServer.js --stdio`).
 */
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } }));
documents.listen(connection);
connection.listen();
