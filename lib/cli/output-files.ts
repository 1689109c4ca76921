import { randomBytes } from 'node:crypto';
import { lstat, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CommandError } from './usage';

/** One file a command writes: private keys get 0600, everything else 0644. */
export interface OutputFile {
  name: string;
  data: string | Uint8Array;
  mode: number;
}

/**
 * Writes `files` into `dir` (created if missing). Without `force` nothing is overwritten: every
 * target is checked before the first write, so a refused run leaves no half-written set, and each
 * file is created with O_EXCL in case one appears meanwhile. With `force`, each file is written
 * under a temporary name and renamed over the old one, so a symlink at the target is replaced,
 * never followed, and the new file has its own mode whatever the old one had.
 * Returns the paths written.
 */
export async function writeOutputFiles(dir: string, files: readonly OutputFile[], force: boolean): Promise<string[]> {
  const targets = files.map((f) => ({ ...f, path: path.join(dir, f.name) }));
  await mkdir(dir, { recursive: true }).catch((e: unknown) => {
    throw new CommandError(`cannot create directory ${dir}: ${reason(e)}`);
  });
  const existing: string[] = [];
  for (const t of targets) {
    const info = await lstat(t.path).catch(() => null);
    if (!info) continue;
    if (info.isDirectory()) throw new CommandError(`${t.path} is a directory`);
    existing.push(t.path);
  }
  if (existing.length && !force) {
    throw new CommandError(`refusing to overwrite ${existing.join(', ')} (use --force to replace)`);
  }
  for (const t of targets) {
    try {
      if (!force) {
        await writeFile(t.path, t.data, { mode: t.mode, flag: 'wx' });
        continue;
      }
      const temp = path.join(dir, `.${t.name}.${randomBytes(6).toString('hex')}.tmp`);
      try {
        await writeFile(temp, t.data, { mode: t.mode, flag: 'wx' });
        await rename(temp, t.path);
      } finally {
        await rm(temp, { force: true });
      }
    } catch (e) {
      throw new CommandError(`cannot write ${t.path}: ${reason(e)}`);
    }
  }
  return targets.map((t) => t.path);
}

function reason(e: unknown): string {
  if (e && typeof e === 'object' && 'code' in e && typeof e.code === 'string') {
    const known: Record<string, string> = { EEXIST: 'it already exists', EACCES: 'permission denied', ENOTDIR: 'a parent is not a directory', EROFS: 'read-only file system' };
    return known[e.code] ?? (e instanceof Error ? e.message : e.code);
  }
  return e instanceof Error ? e.message : String(e);
}
