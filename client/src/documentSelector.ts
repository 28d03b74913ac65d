/**
 * The one list of the documents the language server serves. The manifest (package.json
 * `activationEvents`) follows this list; a test keeps the two in step.
 */
import type { DocumentFilter } from 'vscode-languageclient';

/** Language ids whose documents may hold connection strings, database or collection names. */
export const languageIds = [
  'dotenv',
  'properties',
  'ini',
  'json',
  'jsonc',
  'yaml',
  'dockercompose',
  'toml',
  'javascript',
  'javascriptreact',
  'typescript',
  'typescriptreact',
  'python',
  'go',
  'java',
  'csharp',
  'ruby',
  'php',
  'markdown',
  'shellscript',
  'plaintext',
  // MongoDB playgrounds named *.mongodb (those named *.mongodb.js are javascript).
  'mongodb',
  // Terraform (language id of the HashiCorp extension): mongodbatlas_* resources.
  'terraform',
] as const;

/**
 * Files, new documents, and the virtual file systems of GitHub and Azure Repos (`vscode-vfs`), of tests
 * and playgrounds on the web (`vscode-test-web`, `memfs`) and of a remote (`vscode-remote`): the same on the
 * desktop and on the web. Diff views (`git`), output channels and settings editors are left alone.
 */
export const schemes = ['file', 'untitled', 'vscode-vfs', 'vscode-test-web', 'memfs', 'vscode-remote'] as const;

/**
 * `.env`, `.env.local`, ... even where no extension gives them the `dotenv` language; MongoDB
 * playgrounds whatever language another extension gives them.
 */
export const filePatterns = ['**/.env*', '**/*.mongodb', '**/*.mongodb.js', '**/*.tf'] as const;

export const documentSelector: DocumentFilter[] = [
  ...languageIds.flatMap((language) => schemes.map((scheme) => ({ language, scheme }))),
  ...filePatterns.map((pattern) => ({ pattern })),
];

