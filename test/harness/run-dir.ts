import { chmodSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A fresh directory for one run's service data. It lives in the system temp directory, not in the
 * checkout, and is made traversable by all: PostgreSQL and MariaDB run as their own OS users and
 * cannot reach a checkout cloned under a private (0700) directory such as one from `mktemp -d`.
 */
export function makeRunDir(label: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `quay-config-${label}-`));
  chmodSync(dir, 0o755);
  return dir;
}
