/**
 * Whether a file belongs to a Node.js project that uses the MongoDB driver: its nearest package.json
 * (the first one found walking up from the file's folder) lists mongodb or mongoose among its
 * dependencies. Driver "auto" then checks the file's connection strings with the Node.js driver's rules.
 * Answers are cached per folder until `clear()` (a package.json changed).
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { NODE_MANIFEST } from './projectManifests';

const DRIVER_PACKAGES = ['mongodb', 'mongoose'];
const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

export class NodeProjects {
  /** Folder → the answer for files in it. */
  private readonly byFolder = new Map<string, boolean>();


  isNodeProjectFile(file: string): boolean {
    return this.folder(path.dirname(path.resolve(file)));
  }

  clear(): void {
    this.byFolder.clear();
  }

  private folder(dir: string): boolean {
    const known = this.byFolder.get(dir);
    if (known !== undefined) return known;
    let answer: boolean;
    const manifest = readManifest(path.join(dir, NODE_MANIFEST));
    if (manifest !== undefined) answer = usesDriver(manifest);
    else {
      const parent = path.dirname(dir);
      answer = parent !== dir && this.folder(parent);
    }
    this.byFolder.set(dir, answer);
    return answer;
  }
}

/** The parsed package.json, null when it exists but cannot be read as JSON, undefined when absent. */
function readManifest(file: string): unknown {
  // Most folders have none: a stat that does not throw spares the error a failed read would make.
  if (!statSync(file, { throwIfNoEntry: false })?.isFile()) return undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function usesDriver(manifest: unknown): boolean {
  if (typeof manifest !== 'object' || manifest === null) return false;
  for (const field of DEPENDENCY_FIELDS) {
    const deps = (manifest as Record<string, unknown>)[field];
    if (typeof deps === 'object' && deps !== null && DRIVER_PACKAGES.some((p) => Object.prototype.hasOwnProperty.call(deps, p))) return true;
  }
  return false;
}
