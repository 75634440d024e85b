/**
 * Command-line paths → the inputs to read, in order. Folders are walked recursively in name order; inside them only
 * files with a known extension are read (others are counted as ignored), hidden entries are passed over, and
 * symbolic links are followed once (a link back up the tree is not walked twice). A path that cannot be read becomes a
 * failure naming it, and the rest goes on. Node-only.
 */
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { failed, type IgnoredItem, type ProblemItem } from './items.js';
import { formatFromName } from './sniff.js';

export type Entry =
  | { kind: 'file'; path: string; id: string; size: number | null }
  | { kind: 'stdin' }
  | ProblemItem
  | IgnoredItem;

/** Expands every path; `bytes` is their total size, or null when some size is unknown (stdin, a pipe). */
export async function expandPaths(paths: string[]): Promise<{ entries: Entry[]; bytes: number | null }> {
  const entries: Entry[] = [];
  for (const path of paths) {
    if (path === '-') entries.push({ kind: 'stdin' });
    else await expandOne(path, entries);
  }
  let bytes: number | null = 0;
  for (const e of entries) {
    if (e.kind === 'stdin' || (e.kind === 'file' && e.size === null)) bytes = null;
    else if (e.kind === 'file' && bytes !== null) bytes += e.size!;
  }
  return { entries, bytes };
}

async function expandOne(path: string, out: Entry[]): Promise<void> {
  const found = await statPath(path);
  if ('kind' in found) return void out.push(found);
  if (found.isDirectory()) return walk(path, path.replace(/\/+$/, ''), out, new Set([await realpath(path)]));
  // Named on the command line: read it whatever its type (a pipe from `<(zcat …)` included).
  out.push({ kind: 'file', path, id: path, size: found.isFile() ? found.size : null });
}

/** stat that follows links, turning errors into failures with plain reasons. */
async function statPath(path: string): Promise<Stats | ProblemItem> {
  try {
    return await stat(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && (await isLink(path))) return failed(path, 'dangling-symlink', 'symbolic link to nothing', path);
    return failed(path, ...explain(code, (err as Error).message), path);
  }
}

async function isLink(path: string): Promise<boolean> {
  try {
    return (await lstat(path)).isSymbolicLink();
  } catch {
    return false;
  }
}

export function explain(code: string | undefined, message: string): [string, string] {
  switch (code) {
    case 'ENOENT': return ['not-found', 'no such file or directory'];
    case 'ENOTDIR': return ['not-a-directory', 'a file is used where the path needs a directory'];
    case 'EISDIR': return ['is-a-directory', 'a directory where a file is expected'];
    case 'EACCES': case 'EPERM': return ['permission-denied', 'permission denied'];
    case 'ELOOP': return ['symlink-loop', 'too many levels of symbolic links'];
    default: return ['unreadable', message];
  }
}

async function walk(dir: string, id: string, out: Entry[], seen: Set<string>): Promise<void> {
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch (err) {
    out.push(failed(dir, ...explain((err as NodeJS.ErrnoException).code, (err as Error).message), id));
    return;
  }
  for (const name of names) {
    if (name.startsWith('.')) {
      out.push({ kind: 'ignored', reason: 'hidden' });
      continue;
    }
    await walkEntry(`${dir}/${name}`, `${id}/${name}`, name, out, seen);
  }
}

async function walkEntry(path: string, id: string, name: string, out: Entry[], seen: Set<string>): Promise<void> {
  const known = formatFromName(name) !== null;
  const found = await statPath(path);
  if ('kind' in found) {
    // A broken link or unreadable entry only matters when it looked like an input.
    out.push(known ? { ...found, id } : { kind: 'ignored', reason: 'unknown-extension' });
    return;
  }
  if (found.isDirectory()) {
    const real = await realpath(path);
    if (seen.has(real)) return void out.push({ kind: 'ignored', reason: 'symlink-cycle' });
    return walk(path, id, out, new Set([...seen, real]));
  }
  if (!found.isFile()) return void out.push({ kind: 'ignored', reason: 'not-a-regular-file' });
  out.push(known ? { kind: 'file', path, id, size: found.size } : { kind: 'ignored', reason: 'unknown-extension' });
}
