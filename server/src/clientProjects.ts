/**
 * What the settings say of a file the server cannot read from the disk (VS Code for the Web; a virtual
 * workspace on the desktop): whether its project uses MongoDB, from the manifests the client reads for it
 * (`mongodbUri/readFile`). As on the disk (nodeProject.ts, pythonProject.ts), the nearest folder with a
 * package.json decides `nodeProject`, and for a Python file the nearest folder with a Python manifest
 * decides `pythonProject`; folders cannot be listed here, so the Python manifests are those of fixed
 * names (`requirements.txt`, not `requirements-dev.txt` or a `requirements/` folder). Every folder above
 * the file is asked at once; each answer is kept until `clear()` (a manifest or .gitignore changed). A
 * client that does not answer within ANSWER_WAIT_MS counts as one without the file.
 * Whether a file is committed is known for a GitHub repository opened as a virtual workspace
 * (`vscode-vfs://github/owner/repo/…`): its files come from the repository, so a file is committed unless
 * a .gitignore from the repository's root down to the file's folder ignores it (a file created there).
 * Elsewhere it is not known.
 */
import type { Settings } from './service/api';
import { namesDriverPackage, NODE_MANIFEST, packageUsesDriver, PYTHON_FILE, PYTHON_MANIFESTS } from './projectManifests';
import { SettingsVariants } from './settingsVariants';
import { parseGitignore, verdictAfter, type IgnoreRule } from './gitignoreRules';

/** How long a manifest is waited for before the file is taken for absent. */
export const ANSWER_WAIT_MS = 3000;

/** Folders above a file that are asked for manifests (a deeper file's highest folders are not). */
const MAX_FOLDERS = 16;

/** The Python manifests asked for in each folder. */
const PYTHON_NAMES = [...PYTHON_MANIFESTS, 'requirements.txt'];

/** The folder URIs above a document (its own first, up to the root of its path, at most MAX_FOLDERS), ending in `/`. */
export function foldersAbove(uri: string): string[] {
  const query = uri.search(/[?#]/);
  const bare = query < 0 ? uri : uri.slice(0, query);
  const authority = bare.indexOf('://');
  // The root of the path: after the scheme's authority (`vscode-vfs://github/`), or after `scheme:/`.
  const root = authority >= 0 ? bare.indexOf('/', authority + 3) : bare.indexOf('/');
  if (root < 0) return [];
  const folders: string[] = [];
  for (let end = bare.lastIndexOf('/'); end >= root && folders.length < MAX_FOLDERS; end = bare.lastIndexOf('/', end - 1)) {
    folders.push(bare.slice(0, end + 1));
    if (end === root) break;
  }
  return folders;
}

/**
 * The root folder of a GitHub repository opened as a virtual workspace (`vscode-vfs://github/owner/repo/`;
 * the authority may carry a ref: `github+…`), ending in `/`; undefined for other URIs.
 */
export function githubRepositoryRoot(uri: string): string | undefined {
  const m = /^vscode-vfs:\/\/github(?:(?:\+|%2[Bb])[^/]*)?\/[^/?#]+\/[^/?#]+\//.exec(uri);
  return m ? m[0] : undefined;
}

/** A path of a URI as git reads it (percent escapes decoded; left as written when they are not valid). */
function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** `promise`, or undefined once `ms` have passed without its answer (or when it fails). */
function answerWithin<T>(promise: Promise<T | undefined>, ms: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(undefined);
      },
    );
  });
}

export class ClientProjects {
  /** Manifest URI → its text (undefined: absent), as asked of the client. */
  private readonly texts = new Map<string, Promise<string | undefined>>();
  private readonly variants = new SettingsVariants();

  /** `read(uri)`: the text of a file of the workspace, asked of the client; undefined when absent. */
  constructor(
    private readonly read: (uri: string) => Promise<string | undefined>,
    private readonly waitMs = ANSWER_WAIT_MS,
  ) {}

  async settingsForFile(settings: Settings, uri: string): Promise<Settings> {
    const folders = foldersAbove(uri);
    if (folders.length === 0) return settings;
    const python = PYTHON_FILE.test(uri.replace(/[?#].*$/, ''));
    const [nodeProject, pythonProject, tracked] = await Promise.all([
      this.nearest(folders, [NODE_MANIFEST], (texts) => packageUsesDriver(texts[0]!)),
      python ? this.nearest(folders, PYTHON_NAMES, (texts) => texts.some(namesDriverPackage)) : Promise.resolve(false),
      this.tracked(uri),
    ]);
    return this.variants.of(settings, { nodeProject, pythonProject, tracked });
  }

  /** Whether a file of a GitHub repository opened as a virtual workspace is committed; undefined elsewhere. */
  private async tracked(uri: string): Promise<boolean | undefined> {
    const root = githubRepositoryRoot(uri);
    if (root === undefined) return undefined;
    const file = uri.replace(/[?#].*$/, '');
    // The folders from the repository's root down to the file's own.
    const folders = foldersAbove(file).filter((f) => f.startsWith(root)).reverse();
    const texts = await Promise.all(folders.map((f) => this.text(`${f}.gitignore`)));
    const sets: { folder: string; rules: IgnoreRule[] }[] = [];
    // Each folder below the root, then the file: nothing inside an ignored folder is committed.
    for (let k = 0; k < folders.length; k++) {
      const text = texts[k];
      if (text !== undefined) sets.push({ folder: folders[k]!, rules: parseGitignore(text) });
      const isDir = k + 1 < folders.length;
      const target = isDir ? folders[k + 1]!.slice(0, -1) : file;
      let ignored = false;
      for (const { folder, rules } of sets) ignored = verdictAfter(ignored, rules, decodePath(target.slice(folder.length)), isDir);
      if (ignored) return false;
    }
    return true;
  }

  /** A manifest was created, changed or deleted: every folder is asked again. */
  clear(): void {
    this.texts.clear();
  }

  /** The answer of the nearest folder that has any of `names` (`decide` reads the texts it has); false when none has. */
  private async nearest(folders: readonly string[], names: readonly string[], decide: (texts: string[]) => boolean): Promise<boolean> {
    const byFolder = await Promise.all(folders.map((folder) => Promise.all(names.map((name) => this.text(folder + name)))));
    for (const texts of byFolder) {
      const present = texts.filter((t): t is string => t !== undefined);
      if (present.length > 0) return decide(present);
    }
    return false;
  }

  private text(uri: string): Promise<string | undefined> {
    let text = this.texts.get(uri);
    if (!text) {
      text = answerWithin(this.read(uri), this.waitMs);
      this.texts.set(uri, text);
    }
    return text;
  }
}
