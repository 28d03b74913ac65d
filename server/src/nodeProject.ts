/**
 * Whether a file belongs to a Node.js project that uses the MongoDB driver: its nearest package.json
 * (the first one found walking up from the file's folder) lists mongodb or mongoose among its
 * dependencies. Driver "auto" then checks the file's connection strings with the Node.js driver's rules.
 * Answers are cached per folder until `clear()` (a package.json changed).
 */
import path from 'node:path';
import { NearestManifest, readManifestText } from './nearestManifest';
import { NODE_MANIFEST, packageUsesDriver } from './projectManifests';

export class NodeProjects {
  private readonly nearest = new NearestManifest((dir) => {
    const text = readManifestText(path.join(dir, NODE_MANIFEST));
    return text === undefined ? undefined : packageUsesDriver(text);
  });

  isNodeProjectFile(file: string): boolean {
    return this.nearest.forFile(file);
  }

  clear(): void {
    this.nearest.clear();
  }
}
