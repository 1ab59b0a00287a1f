/**
 * The generated app in memory: `makecomapp.json` components plus the files they name, in the
 * layout of Make's VS Code "Make Apps Editor" local development (one folder per component,
 * `<id>.<code>.iml.json` per code file, general files under `general/`).
 */
import type { Json, JsonRecord } from './json';

/** Component types of `makecomapp.json`. */
export type ComponentType = 'connection' | 'webhook' | 'module' | 'rpc' | 'function' | 'endpoint';

/** Code types this generator writes, and the file-name suffix each gets (the suffixes make-schemas/README.md maps to schemas). */
export const CODE_SUFFIX = {
  communication: 'communication',
  params: 'params',
  staticParams: 'params',
  mappableParams: 'mappable-params',
  interface: 'interface',
  samples: 'samples',
  attach: 'attach',
  detach: 'detach',
  epoch: 'epoch',
} as const;

export type CodeType = keyof typeof CODE_SUFFIX;

/** Component metadata as `makecomapp.json` holds it (AppComponentMetadataWithCodeFiles in the schema). */
export interface ComponentMeta {
  label: string;
  description?: string;
  moduleType?: 'action' | 'instant_trigger' | 'search' | 'trigger' | 'universal' | 'responder';
  actionCrud?: 'create' | 'delete' | 'read' | 'update' | null;
  connection?: string | null;
  webhook?: string | null;
  webhookType?: 'web' | 'web-shared';
  connectionType?: 'basic' | 'oauth';
}

const DIRECTORY: Record<ComponentType, string> = {
  connection: 'connections',
  webhook: 'webhooks',
  module: 'modules',
  rpc: 'rpcs',
  function: 'functions',
  endpoint: 'endpoints',
};

/** Collects components and files of one app. */
export class AppFiles {
  /** Relative path → content (JSON, or text for the readme). */
  readonly files = new Map<string, Json | string>();
  readonly components: Record<ComponentType, Record<string, JsonRecord>> = {
    connection: {},
    webhook: {},
    module: {},
    rpc: {},
    function: {},
    endpoint: {},
  };

  /** Adds a component with its code files, e.g. `add('module', 'approveReferral', {...}, { communication: {...} })`. */
  add(type: ComponentType, id: string, meta: ComponentMeta, code: Partial<Record<CodeType, Json>>): void {
    const codeFiles: JsonRecord = {};
    for (const [codeType, content] of Object.entries(code) as [CodeType, Json][]) {
      const path = `${DIRECTORY[type]}/${id}/${id}.${CODE_SUFFIX[codeType]}.iml.json`;
      this.files.set(path, content);
      codeFiles[codeType] = path;
    }
    const entry: JsonRecord = {};
    for (const [key, value] of Object.entries(meta)) if (value !== undefined) entry[key] = value as Json;
    entry.codeFiles = codeFiles;
    this.components[type][id] = entry;
  }

  has(type: ComponentType, id: string): boolean {
    return Object.hasOwn(this.components[type], id);
  }
}
