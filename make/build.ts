/**
 * `npm run make:build`: generates one Make custom app per registered platform under `make-app/`
 * (or `--out <dir>`), validates each offline, prints what could not be translated, and writes
 * `make-app/build-report.json`. Exits 1 on a generator error or a validation failure, and when
 * Make's schemas (`../shared/make-schemas`) are missing while `CI=true` (locally that only warns).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PLATFORMS } from '../platforms/registry';
import type { PlatformDefinition } from '../platforms/types';
import { applyDeployRecord, deployRecordPath, readDeployRecord } from './deploy-record';
import { generateApp, writeApp } from './generate/app';
import type { Issue } from './generate/issues';
import { DEFAULT_SCHEMAS_DIR, loadSchemas, repoRoot, validateApp, type ValidationResult } from './validate';

/** What building one platform's app did. */
export interface BuiltApp {
  platform: string;
  dir: string;
  modules: string[];
  rpcs: string[];
  webhooks: string[];
  issues: Issue[];
  validation: ValidationResult;
}

/** What one build did, per platform. */
export interface BuildReport {
  outDir: string;
  apps: BuiltApp[];
  schemaSkipped?: string;
  /** True when the schemas were required (CI) but missing: then `ok` is false. */
  schemasRequired?: boolean;
  ok: boolean;
}

/**
 * Generates one platform's app under `<outDir>/<platform id>`, points its origin at the Make app a
 * deploy recorded for `zone` (make/deploy-record.ts), and validates it.
 * @param schemas Make's compiled schemas, or why they are missing (validate.ts `loadSchemas`)
 */
export function buildApp(platform: PlatformDefinition, outDir: string, schemas: ReturnType<typeof loadSchemas>, zone: string): BuiltApp {
  const app = generateApp(platform, zone);
  const dir = join(outDir, platform.id);
  writeApp(app, dir);
  applyDeployRecord(dir, readDeployRecord(deployRecordPath(outDir))[zone]?.[platform.id]);
  return { platform: platform.id, dir, modules: app.modules.map((module) => module.name), rpcs: app.rpcs, webhooks: app.webhooks, issues: app.issues, validation: validateApp(dir, schemas) };
}

/**
 * Builds and validates every registered platform's app.
 * @param outDir output root, e.g. `<repo>/make-app`
 * @param schemasDir the shared make-schemas folder
 * @param requireSchemas fail (ok false) when the schemas are missing; default: `CI=true`
 */
export function buildAll(outDir: string, schemasDir: string = DEFAULT_SCHEMAS_DIR, zone = process.env.MAKE_ZONE ?? 'eu1.make.com', requireSchemas = process.env.CI === 'true'): BuildReport {
  const schemas = loadSchemas(schemasDir);
  const apps = PLATFORMS.map((platform) => buildApp(platform, outDir, schemas, zone));
  const missing = typeof schemas === 'string';
  const ok = !(missing && requireSchemas) && apps.every((app) => app.validation.errors.length === 0 && app.issues.every((issue) => issue.severity !== 'error'));
  return { outDir, apps, schemaSkipped: missing ? schemas : undefined, ...(missing && requireSchemas ? { schemasRequired: true } : {}), ok };
}

function main(): void {
  const at = process.argv.indexOf('--out');
  const outDir = resolve(at > 0 ? process.argv[at + 1] : join(repoRoot(), 'make-app'));
  const report = buildAll(outDir);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'build-report.json'), `${JSON.stringify(report, null, 2)}\n`);
  // CI must prove the schemas pass; locally the shared folder may be absent.
  if (report.schemasRequired) console.error(`${report.schemaSkipped ?? 'schemas missing'}; CI=true requires Make's schemas, so the build fails.`);
  else if (report.schemaSkipped) console.warn(`warning: ${report.schemaSkipped}`);
  for (const app of report.apps) {
    const { validation } = app;
    const schema = validation.schema.skipped ? 'schemas skipped' : `${validation.schema.checked} files pass the schemas`;
    console.log(`${app.platform}: ${app.modules.length} modules, ${app.rpcs.length} RPCs, ${app.webhooks.length} webhooks; ${schema}; ${validation.errors.length} validation errors`);
    for (const error of validation.errors) console.log(`  ✗ ${error}`);
    for (const issue of app.issues) if (issue.severity !== 'info') console.log(`  ${issue.severity === 'error' ? '✗' : '!'} ${issue.component}: ${issue.message}`);
  }
  console.log(report.ok ? `Make apps written to ${outDir}` : 'Make build FAILED');
  if (!report.ok) process.exitCode = 1;
}

if (require.main === module) main();
