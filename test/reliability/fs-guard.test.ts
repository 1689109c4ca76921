import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fsChanges, makeSandbox, namesContaining, snapshotFs } from './fs-guard';

/** The file-system guard of the hostile suites is not vacuous: it sees what it must see. */
describe('fs-guard', () => {
  it('reports a change in the sandbox cwd, a token anywhere in /tmp and a hostile name in TMPDIR', () => {
    const token = `qcguard${randomBytes(4).toString('hex')}`;
    const sandbox = makeSandbox('qc-guard-');
    const escaped = path.join(os.tmpdir(), `escaped-${token}`);
    try {
      const before = snapshotFs(sandbox);
      writeFileSync(path.join(sandbox.cwd, 'ssl.key'), 'x');
      mkdirSync(path.join(sandbox.tmp, 'extract'));
      writeFileSync(path.join(sandbox.tmp, 'extract', `a-${token}.crt`), 'x');
      writeFileSync(escaped, 'x');
      expect(namesContaining(token)).toEqual(expect.arrayContaining([escaped]));
      const { forbidden } = fsChanges(before, snapshotFs(sandbox), token);
      expect(forbidden).toEqual(expect.arrayContaining(['sandbox: new cwd/ssl.key', `TMPDIR: new tmp/extract/a-${token}.crt`, `${os.tmpdir()}: new escaped-${token}`, `token found: ${escaped}`]));
    } finally {
      rmSync(escaped, { force: true });
      sandbox.remove();
    }
  });
});
