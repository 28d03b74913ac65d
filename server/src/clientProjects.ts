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
import { namesDriverPackage, NODE_MANIFEST, packageUsesDriver, PYTHON_FILE, PYTHON_MANIFESTS, REQUIREMENTS_TXT } from './projectManifests';
import { SettingsVariants } from './settingsVariants';
import { ignoredOnTheWay, parseGitignore } from './gitignoreRules';

/** How long a manifest is waited for before the file is taken for absent. */
export const ANSWER_WAIT_MS = 3000;

/** Folders above a file that are asked for manifests (a deeper file's highest folders are not). */
const MAX_FOLDERS = 16;

/** The Python manifests asked for in each folder. */
const PYTHON_NAMES = [...PYTHON_MANIFESTS, REQUIREMENTS_TXT];

/** A document URI without its query and fragment. */
function withoutQuery(uri: string): string {
  const query = uri.search(/[?#]/);
  return query < 0 ? uri : uri.slice(0, query);
}

/** The folder URIs above a document (its own first, up to the root of its path, at most MAX_FOLDERS), ending in `/`. */
export function foldersAbove(uri: string): string[] {
  const bare = withoutQuery(uri);
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

/** The path of `target` (a file or a folder URI) under the folder URI `base`, as git matches it: decoded, without a trailing `/`. */
function relativeUriPath(base: string, target: string): string {
  const path = target.slice(base.length).replace(/\/$/, '');
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
    const file = withoutQuery(uri);
    const folders = foldersAbove(file);
    if (folders.length === 0) return settings;
    const [nodeProject, pythonProject, tracked] = await Promise.all([
      this.nearest(folders, [NODE_MANIFEST], (texts) => packageUsesDriver(texts[0]!)),
      PYTHON_FILE.test(file) ? this.nearest(folders, PYTHON_NAMES, (texts) => texts.some(namesDriverPackage)) : Promise.resolve(false),
      this.tracked(file, folders),
    ]);
    return this.variants.of(settings, { nodeProject, pythonProject, tracked });
  }

  /**
   * Whether a file of a GitHub repository opened as a virtual workspace is committed; undefined elsewhere.
   * `folders`: the folders above it, its own first.
   */
  private async tracked(file: string, folders: readonly string[]): Promise<boolean | undefined> {
    const root = githubRepositoryRoot(file);
    if (root === undefined) return undefined;
    // The folders from the repository's root down to the file's own, each with its .gitignore's rules.
    const down = folders.filter((f) => f.startsWith(root)).reverse();
    const texts = await Promise.all(down.map((f) => this.text(`${f}.gitignore`)));
    const rules = new Map(down.map((f, k) => [f, texts[k] === undefined ? undefined : parseGitignore(texts[k]!)]));
    return !ignoredOnTheWay(down, file, (f) => rules.get(f), [], relativeUriPath);
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
