/**
 * Whether a file belongs to a Node.js project that uses the MongoDB driver: its nearest package.json
 * (the first one found walking up from the file's folder) lists mongodb or mongoose among its
 * dependencies. Driver "auto" then checks the file's connection strings with the Node.js driver's rules.
 * Answers are cached per folder until `clear()` (a package.json changed).
 */
import path from 'node:path';
import { NearestManifest, readManifestText } from './nearestManifest';
import { NODE_MANIFEST } from './projectManifests';

const DRIVER_PACKAGES = ['mongodb', 'mongoose'];
const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

export class NodeProjects {
  private readonly nearest = new NearestManifest((dir) => {
    const manifest = readManifest(path.join(dir, NODE_MANIFEST));
    return manifest === undefined ? undefined : usesDriver(manifest);
  });

  isNodeProjectFile(file: string): boolean {
    return this.nearest.forFile(file);
  }

  clear(): void {
    this.nearest.clear();
  }
}

/** The parsed package.json, null when it exists but cannot be read as JSON, undefined when absent. */
function readManifest(file: string): unknown {
  const text = readManifestText(file);
  if (text === undefined) return undefined;
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
