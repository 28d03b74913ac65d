/**
 * An answer per file from its project's manifest: the nearest folder (the file's own, then up) that has
 * one gives it, and files with none above them get false. Answers are cached per folder until `clear()`
 * (a manifest was created, changed or deleted). nodeProject.ts and pythonProject.ts ask their questions
 * through it.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { readText } from './gitignore';

export class NearestManifest {
  /** Folder → the answer for files in it. */
  private readonly byFolder = new Map<string, boolean>();

  /** `answerIn(dir)`: the answer of the folder's manifests, undefined when it has none. */
  constructor(private readonly answerIn: (dir: string) => boolean | undefined) {}

  forFile(file: string): boolean {
    return this.folder(path.dirname(path.resolve(file)));
  }

  clear(): void {
    this.byFolder.clear();
  }

  private folder(dir: string): boolean {
    const known = this.byFolder.get(dir);
    if (known !== undefined) return known;
    let answer = this.answerIn(dir);
    if (answer === undefined) {
      const parent = path.dirname(dir);
      answer = parent !== dir && this.folder(parent);
    }
    this.byFolder.set(dir, answer);
    return answer;
  }
}

/** The text of a manifest; undefined when it is absent or cannot be read. */
export function readManifestText(file: string): string | undefined {
  // Most folders have none: a stat that does not throw spares the error a failed read would make.
  return statSync(file, { throwIfNoEntry: false })?.isFile() ? readText(file) : undefined;
}
