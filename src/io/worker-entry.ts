/**
 * The script a worker thread runs. Compiled to JavaScript, selon's worker entry is loaded as it is. Run from its
 * TypeScript sources (through tsx, as after `npm ci`), a thread that registers tsx takes about 1 CPU-second to start
 * and keeps paying tsx's loader on the way, so the entry is bundled once into plain JavaScript with esbuild (npm
 * packages left as imports) and cached in node_modules/.cache/selon, next to the record of every source file it was
 * built from: a source file changed, added to or gone from the bundle's inputs makes the next run build it again.
 * Should anything fail (no esbuild, a read-only folder), the thread registers tsx as before. Node-only.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type WorkerScript = { kind: 'module'; url: URL } | { kind: 'tsx'; url: URL };

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'selon');

interface Built {
  /** Source files of the bundle (relative to the package root) with the size and mtime they had. */
  inputs: Array<[path: string, size: number, mtimeMs: number]>;
}

let chosen: Map<string, WorkerScript> | null = null;

/** The script for a worker whose entry is `name` (e.g. "extract-worker") in this folder. */
export function workerScript(name: string): WorkerScript {
  chosen ??= new Map();
  const known = chosen.get(name);
  if (known) return known;
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(`./${name}.${fromSource ? 'ts' : 'js'}`, import.meta.url);
  let script: WorkerScript = { kind: fromSource ? 'tsx' : 'module', url: entry };
  if (fromSource) {
    try {
      script = { kind: 'module', url: pathToFileURL(bundledWorker(name)) };
    } catch {
      // Keep tsx: slower to start, same results.
    }
  }
  chosen.set(name, script);
  return script;
}

/** The path of the worker entry `name` bundled as JavaScript, built again when a source file of it has changed. */
export function bundledWorker(name: string): string {
  const entry = join(HERE, `${name}.ts`);
  const out = join(CACHE, `${name}.mjs`);
  const record = join(CACHE, `${name}.inputs.json`);
  if (existsSync(out) && existsSync(record) && fresh(JSON.parse(readFileSync(record, 'utf8')) as Built)) return out;
  const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
  const result = esbuild.buildSync({
    entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', packages: 'external', target: 'node20',
    write: false, metafile: true, logLevel: 'silent', outfile: out,
  });
  const inputs: Built['inputs'] = Object.keys(result.metafile.inputs).map((p) => {
    const path = relative(ROOT, resolve(process.cwd(), p));
    const st = statSync(join(ROOT, path));
    return [path, st.size, st.mtimeMs];
  });
  mkdirSync(CACHE, { recursive: true });
  // Written aside and renamed: another process starting at the same time sees the old files or the new, never half.
  const tmp = `.${process.pid}.${Date.now()}`;
  writeFileSync(out + tmp, result.outputFiles[0]!.contents);
  writeFileSync(record + tmp, JSON.stringify({ inputs } satisfies Built));
  renameSync(out + tmp, out);
  renameSync(record + tmp, record);
  return out;
}

function fresh(built: Built): boolean {
  return built.inputs.length > 0 && built.inputs.every(([path, size, mtimeMs]) => {
    try {
      const st = statSync(join(ROOT, path));
      return st.size === size && st.mtimeMs === mtimeMs;
    } catch {
      return false;
    }
  });
}
