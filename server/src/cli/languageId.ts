/** The language id the editor would give a file, from its name alone. */
const BY_EXTENSION: Record<string, string> = {
  '.properties': 'properties',
  '.ini': 'ini',
  '.json': 'json',
  '.jsonc': 'jsonc',
  '.yml': 'yaml',
  '.yaml': 'yaml',
  '.toml': 'toml',
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.jsx': 'javascriptreact',
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'typescriptreact',
  '.py': 'python',
  '.go': 'go',
  '.java': 'java',
  '.kt': 'kotlin',
  '.kts': 'kotlin',
  '.cs': 'csharp',
  '.rb': 'ruby',
  '.php': 'php',
  '.md': 'markdown',
  '.sh': 'shellscript',
  '.tf': 'terraform',
  // MongoDB playgrounds: JavaScript, as the editor reads them (`*.mongodb.js` ends in .js).
  '.mongodb': 'javascript',
};

export function languageIdForPath(filePath: string): string {
  const name = (filePath.split(/[\\/]/).pop() ?? '').toLowerCase();
  if (name.startsWith('.env') || name.endsWith('.env')) return 'dotenv';
  if (/^(docker-)?compose([.-].*)?\.ya?ml$/.test(name)) return 'dockercompose';
  // The configuration file of mongod and mongos is YAML, also when it is named .conf.
  if (/^mongo[ds]\.(?:conf|ya?ml)$/.test(name)) return 'yaml';
  const dot = name.lastIndexOf('.');
  return (dot > 0 && BY_EXTENSION[name.slice(dot)]) || 'plaintext';
}
