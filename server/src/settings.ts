/**
 * Per-document settings of section `mongodbUri`, read with `workspace/configuration` when the
 * client supports it, typed into the core's `Settings`, cached until the configuration changes.
 */
import type { Connection } from 'vscode-languageserver';
import { defaultSettings, type Settings, type SeveritySetting } from './service/api';
import { describeError } from './redact';

export const configurationSection = 'mongodbUri';

/** Diagnostics shown per document by default: beyond, one more says how many are not shown. */
export const DEFAULT_MAX_PROBLEMS = 1000;

/**
 * The settings of a document in the language server: the core's, and what only the edge reads
 * (`maxProblems`, applied where problems become diagnostics).
 */
export interface ServerSettings extends Settings {
  maxProblems: number;
}

const SEVERITIES: ReadonlySet<string> = new Set<SeveritySetting>(['off', 'hint', 'info', 'warning', 'error']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Types raw settings of section `mongodbUri`; a missing or bad value falls back to its default. */
export function toSettings(raw: unknown): ServerSettings {
  const settings: ServerSettings = { ...defaultSettings, rules: {}, maxProblems: DEFAULT_MAX_PROBLEMS };
  if (!isRecord(raw)) return settings;
  if (typeof raw.enable === 'boolean') settings.enable = raw.enable;
  if (raw.driver === 'auto' || raw.driver === 'spec' || raw.driver === 'node') settings.driver = raw.driver;
  if (isRecord(raw.rules)) {
    for (const [ruleId, severity] of Object.entries(raw.rules)) {
      if (typeof severity === 'string' && SEVERITIES.has(severity)) settings.rules[ruleId] = severity as SeveritySetting;
    }
  }
  if (typeof raw.maxFileSize === 'number' && Number.isFinite(raw.maxFileSize) && raw.maxFileSize >= 0) {
    settings.maxFileSize = raw.maxFileSize;
  }
  if (raw.serverPlatform === 'any' || raw.serverPlatform === 'unix' || raw.serverPlatform === 'windows') settings.serverPlatform = raw.serverPlatform;
  settings.atlas = toAtlasSettings(raw);
  if (typeof raw.maxProblems === 'number' && Number.isFinite(raw.maxProblems) && raw.maxProblems >= 1) {
    settings.maxProblems = Math.floor(raw.maxProblems);
  }
  return settings;
}

/** `mongodbUri.atlas.*`: VS Code nests dotted keys (`{ atlas: { tier } }`); flat keys (`"atlas.tier"`) are read too. */
function toAtlasSettings(raw: Record<string, unknown>): Settings['atlas'] {
  const nested = isRecord(raw.atlas) ? raw.atlas : {};
  const tier = nested.tier ?? raw['atlas.tier'];
  const instances = nested.clientInstances ?? raw['atlas.clientInstances'];
  return {
    tier: typeof tier === 'string' ? tier.trim() : defaultSettings.atlas.tier,
    clientInstances: typeof instances === 'number' && Number.isFinite(instances) && instances >= 1 ? Math.floor(instances) : defaultSettings.atlas.clientInstances,
  };
}

/** What the settings say of a document's file, as the server asks the platform for it. */
export interface FileFactsSource {
  settingsForFile(settings: ServerSettings, uri: string): Settings | Promise<Settings>;
  projectsChanged(): void;
  ignoresChanged(): void;
}

export class DocumentSettings {
  private readonly byUri = new Map<string, Promise<ServerSettings>>();
  /** Settings pushed with `workspace/didChangeConfiguration`, for clients that cannot be asked. */
  private pushed: ServerSettings = toSettings(undefined);
  private pushedAllowNetwork = false;
  /** The settings derived from a settings object, by what was added (`node`, `tracked`, `ignored`, ...). */

  constructor(
    private readonly connection: Connection,
    private readonly canPull: boolean,
    /** What the settings say of a document's file (its project, whether it is committed). */
    private readonly files: FileFactsSource,
  ) {}

  /** The settings that apply to a document. */
  get(uri: string): Promise<ServerSettings> {
    let settings = this.byUri.get(uri);
    if (!settings) {
      // The settings derived for a file are copies of the settings object: they keep `maxProblems`.
      settings = (this.canPull ? this.pull(uri) : Promise.resolve(this.pushed)).then((s) => this.files.settingsForFile(s, uri) as ServerSettings);
      this.byUri.set(uri, settings);
    }
    return settings;
  }

  /** A Node.js project changed (a package.json was created, changed or deleted): look again. */
  projectsChanged(): void {
    this.files.projectsChanged();
    this.byUri.clear();
  }

  /** A .gitignore changed (was created, changed or deleted): look again at what is committed. */
  ignoresChanged(): void {
    this.files.ignoresChanged();
    this.byUri.clear();
  }

  /** Handles `workspace/didChangeConfiguration`: forgets what was read, keeps what was pushed. */
  changed(pushedSettings: unknown): void {
    this.byUri.clear();
    if (isRecord(pushedSettings) && configurationSection in pushedSettings) {
      this.pushed = toSettings(pushedSettings[configurationSection]);
      const section = pushedSettings[configurationSection];
      this.pushedAllowNetwork = isRecord(section) && section.allowNetwork === true;
    }
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }

  /**
   * `mongodbUri.allowNetwork` for a document: read afresh each time, as only an explicit command asks.
   * Not part of the core's settings: the core never uses the network.
   */
  async allowsNetwork(uri: string): Promise<boolean> {
    if (this.canPull) {
      try {
        const value: unknown = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: `${configurationSection}.allowNetwork` });
        if (typeof value === 'boolean') return value;
      } catch (err) {
        this.connection.console.error(`Could not read ${configurationSection}.allowNetwork: ${describeError(err)}`);
        return false;
      }
    }
    return this.pushedAllowNetwork;
  }

  private async pull(uri: string): Promise<ServerSettings> {
    try {
      const raw: unknown = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: configurationSection });
      // A client that has nothing under the section answers null: then what was pushed applies.
      return raw === null || raw === undefined ? this.pushed : toSettings(raw);
    } catch (err) {
      this.connection.console.error(`Could not read the settings of ${uri}: ${describeError(err)}`);
      this.byUri.delete(uri);
      return this.pushed;
    }
  }
}
