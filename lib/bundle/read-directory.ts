import { constants, type Stats } from 'node:fs';
import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { BundleBuilder } from './builder';
import { EXTRA_CA_DIR } from './entry-names';
import { BundleError, type Bundle } from './types';

/**
 * Reads a bundle directory such as `/conf/stack`. In Kubernetes that is a Secret or ConfigMap
 * mount, where every file is a symlink into a hidden `..data/` directory: a symlink is followed
 * only if its real path stays inside the directory, and the `..`-prefixed entries of the mount
 * machinery are not part of the bundle. Only config.yaml, top-level files and extra_ca_certs/*
 * are read; other directories are reported without being entered.
 */
export async function readBundleFromDirectory(dir: string, label: string = dir): Promise<Bundle> {
  const builder = new BundleBuilder({ label });
  const root = await realpath(dir).catch(() => {
    throw builder.bundleError('no such directory');
  });
  await readLevel(builder, root, '');
  return builder.build();
}

async function readLevel(builder: BundleBuilder, root: string, rel: string): Promise<void> {
  const names = await readdir(path.join(root, rel), { encoding: 'buffer' }).catch((e: NodeJS.ErrnoException) => {
    throw builder.bundleError(`cannot list ${rel || 'the directory'}: ${e.code ?? e.message}`);
  });
  names.sort(Buffer.compare);
  for (const raw of names) {
    // Kubernetes' atomic writer keeps `..data` and `..<timestamp>` next to the visible files.
    if (raw[0] === 0x2e && raw[1] === 0x2e) continue;
    const relRaw = rel ? Buffer.concat([Buffer.from(`${rel}/`), raw]) : raw;
    const entry = builder.checkName(relRaw);
    const full = path.join(root, entry.name);
    const { real, info } = await resolveInside(builder, root, relRaw, full);
    if (!info.isFile() && !info.isDirectory()) throw builder.entryError(relRaw, `is ${describeSpecial(info)}; a bundle holds only regular files`);
    const kind = info.isDirectory() ? 'dir' : 'file';
    const name = builder.admit(relRaw, entry, kind, info.size);
    if (kind === 'dir' && entry.name === EXTRA_CA_DIR) await readLevel(builder, root, EXTRA_CA_DIR);
    if (kind === 'file' && name !== null) builder.store(name, await readRegularFile(builder, relRaw, real, info.size));
  }
}

/** Follows a symlink only when its target, fully resolved, is inside the bundle directory. */
async function resolveInside(builder: BundleBuilder, root: string, relRaw: Buffer, full: string): Promise<{ real: string; info: Stats }> {
  const unreadable = (e: NodeJS.ErrnoException) => {
    throw builder.entryError(relRaw, `cannot be read (${e.code ?? e.message})`);
  };
  const link = await lstat(full).catch(unreadable);
  if (!link.isSymbolicLink()) return { real: full, info: link };
  const real = await realpath(full).catch((e: NodeJS.ErrnoException) => {
    throw builder.entryError(relRaw, e.code === 'ELOOP' ? 'is a symbolic link loop' : 'is a broken symbolic link');
  });
  if (real !== root && !real.startsWith(root + path.sep)) {
    throw builder.entryError(relRaw, `is a symbolic link to ${JSON.stringify(real)}, outside the bundle directory`);
  }
  return { real, info: await stat(real).catch(unreadable) };
}

/**
 * Reads a file without following a link that appeared since it was checked, without blocking on
 * a FIFO swapped in, and without reading more than it was admitted with.
 */
async function readRegularFile(builder: BundleBuilder, relRaw: Buffer, real: string, size: number): Promise<Buffer> {
  const handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK).catch((e: NodeJS.ErrnoException) => {
    throw builder.entryError(relRaw, `cannot be read (${e.code ?? e.message})`);
  });
  try {
    const info = await handle.stat();
    if (!info.isFile() || info.size !== size) throw builder.entryError(relRaw, 'changed while the bundle was being read');
    const data = Buffer.alloc(size);
    let filled = 0;
    while (filled < size) {
      const { bytesRead } = await handle.read(data, filled, size - filled, filled);
      if (bytesRead === 0) throw builder.entryError(relRaw, 'changed while the bundle was being read');
      filled += bytesRead;
    }
    return data;
  } catch (e) {
    if (e instanceof BundleError) throw e;
    throw builder.entryError(relRaw, `cannot be read (${e instanceof Error ? e.message : String(e)})`);
  } finally {
    await handle.close();
  }
}

function describeSpecial(info: Stats): string {
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device file';
  return 'not a regular file';
}
