import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type Bilingual,
  formatPolicyPackIssues,
  type PolicyPack,
  type PolicyPackIssue,
  type PolicyPackValidation,
  validatePolicyPack,
} from '@hazardflow/core';
import { tsImport } from 'tsx/esm/api';
import { CliError } from './cli-error';
import { dataFormatOf, parseData } from './parse-data';
import { isShippedPackName, SHIPPED_PACK_NAMES } from './shipped-pack-names';

export interface LoadPackOptions {
  /** Directory a relative path is resolved against. */
  cwd: string;
  /** For a module: the export holding the pack (default: `default`, then `pack`, then the only pack-like export). */
  exportName?: string | undefined;
}

/** A pack argument, loaded and checked. `origin` names it for messages: the path as given, or `fire (shipped)`. */
export interface LoadedPack {
  readonly origin: string;
  readonly validation: PolicyPackValidation;
}

const MODULE_EXTENSIONS = new Set(['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs']);
const TYPESCRIPT_EXTENSIONS = new Set(['.ts', '.mts', '.cts']);

/**
 * Loads what a pack argument names and validates it with `validatePolicyPack`:
 * - `fire`, `building`, `traffic`, `special-equipment`: the shipped packs;
 * - `*.json` (JSON.parse) and `*.yaml`/`*.yml` (YAML 1.2);
 * - `*.ts`/`*.mts`/`*.cts` (through tsx, no build step) and `*.js`/`*.mjs`/`*.cjs`: a module
 *   exporting a pack input. A module that throws `PolicyPackError` while loading (a pack
 *   written with `definePolicyPack`) is reported as an invalid pack with its issues.
 *
 * A file that is missing, unreadable or has a syntax error throws a `CliError`; an invalid
 * pack does not throw, its issues are in `validation`.
 */
export async function loadPack(spec: string, options: LoadPackOptions): Promise<LoadedPack> {
  if (isShippedPackName(spec)) {
    // Loaded on demand: a command on a pack file should not pay for the shipped packs.
    const { SHIPPED_PACKS } = await import('./shipped-packs');
    return { origin: `${spec} (shipped)`, validation: validatePolicyPack(SHIPPED_PACKS[spec]) };
  }
  const path = isAbsolute(spec) ? spec : resolve(options.cwd, spec);
  const shown = displayPath(spec, path, options.cwd);
  await assertFile(path, shown, { zh: '政策包', en: 'pack' });
  const format = dataFormatOf(path);
  if (format) {
    const text = await readFile(path, 'utf8');
    return { origin: shown, validation: validatePolicyPack(parseData(text, format, shown)) };
  }
  const extension = extname(path).toLowerCase();
  if (!MODULE_EXTENSIONS.has(extension)) {
    const names = SHIPPED_PACK_NAMES.join(', ');
    throw new CliError('UNSUPPORTED_FILE', {
      zh: `${shown}：无法从“${extension || '无扩展名'}”文件加载政策包；请用 .json、.yaml、.yml、.ts 或 .js 文件，或内置的 ${names}`,
      en: `${shown}: cannot load a pack from a "${extension || 'extension-less'}" file; use .json, .yaml, .yml, .ts or .js, or one of ${names}`,
    });
  }
  let namespace: Record<string, unknown>;
  try {
    namespace = TYPESCRIPT_EXTENSIONS.has(extension)
      ? await tsImport(pathToFileURL(path).href, import.meta.url)
      : await import(pathToFileURL(path).href);
  } catch (error) {
    const issues = packIssuesOf(error);
    if (issues) return { origin: shown, validation: { success: false, issues } };
    const message = error instanceof Error ? error.message : String(error);
    throw new CliError(
      'IMPORT_FAILED',
      { zh: `${shown}：模块加载失败：${message}`, en: `${shown}: the module failed to load: ${message}` },
      undefined,
      { cause: error },
    );
  }
  return { origin: shown, validation: validatePolicyPack(pickExport(namespace, shown, options.exportName)) };
}

/** `loadPack`, for commands that need a valid pack: an invalid one is a `CliError` listing its issues. */
export async function loadValidPack(
  spec: string,
  options: LoadPackOptions,
): Promise<{ origin: string; pack: PolicyPack }> {
  const { origin, validation } = await loadPack(spec, options);
  if (!validation.success) {
    const n = validation.issues.length;
    const issues = formatPolicyPackIssues(validation.issues);
    throw new CliError('INVALID_PACK', {
      zh: `${origin} 不是有效的政策包（${n} 个问题）：\n${issues}`,
      en: `${origin} is not a valid policy pack (${n} ${n === 1 ? 'problem' : 'problems'}):\n${issues}`,
    });
  }
  return { origin, pack: validation.pack };
}

/** Checks that `path` is a readable regular file; `what` names it in the message. */
export async function assertFile(path: string, shown: string, what: Bilingual): Promise<void> {
  let isFile: boolean;
  try {
    isFile = (await stat(path)).isFile();
  } catch {
    throw new CliError('FILE_NOT_FOUND', {
      zh: `${shown}：${what.zh}文件不存在`,
      en: `${shown}: no such ${what.en} file`,
    });
  }
  if (!isFile) throw new CliError('FILE_NOT_FOUND', { zh: `${shown}：不是文件`, en: `${shown}: not a file` });
}

/** The path as the user wrote it when relative, so messages match the command line. */
export function displayPath(spec: string, path: string, cwd: string): string {
  return isAbsolute(spec) ? path : relative(cwd, path) || spec;
}

function pickExport(namespace: Record<string, unknown>, shown: string, exportName: string | undefined): unknown {
  const names = Object.keys(namespace).filter((name) => name !== '__esModule' && name !== 'module.exports');
  if (exportName !== undefined) {
    if (!Object.hasOwn(namespace, exportName)) {
      const exported = names.join(', ');
      throw new CliError('NO_PACK_EXPORT', {
        zh: `${shown}：没有名为“${exportName}”的导出（导出：${exported || '无'}）`,
        en: `${shown}: has no export "${exportName}" (exports: ${exported || 'none'})`,
      });
    }
    return namespace[exportName];
  }
  if (namespace.default !== undefined) return namespace.default;
  if (namespace.pack !== undefined) return namespace.pack;
  const candidates = names.filter((name) => looksLikePack(namespace[name]));
  if (candidates.length === 1) return namespace[candidates[0] as string];
  const exported = names.join(', ');
  throw new CliError(
    'NO_PACK_EXPORT',
    candidates.length === 0
      ? {
          zh: `${shown}：没有导出政策包（导出：${exported || '无'}）；请作为 default 或 "pack" 导出`,
          en: `${shown}: exports no policy pack (exports: ${exported || 'none'}); export it as default or as "pack"`,
        }
      : {
          zh: `${shown}：导出了多个政策包（${candidates.join(', ')}）；请用 --export <name> 选择一个`,
          en: `${shown}: exports several packs (${candidates.join(', ')}); choose one with --export <name>`,
        },
  );
}

function looksLikePack(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'id' in value && 'categories' in value;
}

/** The issues of a `PolicyPackError`, recognised by shape: the module may have loaded its own copy of core. */
function packIssuesOf(error: unknown): readonly PolicyPackIssue[] | undefined {
  if (!(error instanceof Error) || error.name !== 'PolicyPackError') return undefined;
  const issues = (error as { issues?: unknown }).issues;
  return Array.isArray(issues) ? (issues as PolicyPackIssue[]) : undefined;
}
