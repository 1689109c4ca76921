// Node 22 LTS for the test suite: the runtime the Dockerfile ships (node:22), while the machine's own
// Node (20 on the CI image, end of life) keeps serving the end-to-end suite as `npm start` would.
// Node's official binaries are on the npm registry as `node-<platform>-<arch>` (no install script);
// they are installed once under .run/ and reused.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export const NODE_LTS_VERSION = '22.23.5';

/** The path of a Node 22 binary: this one when it is 22 already, else the registry's, installed under `runDir`. */
export function nodeLts(runDir) {
  if (process.versions.node.split('.')[0] === NODE_LTS_VERSION.split('.')[0]) return { node: process.execPath };
  const pkg = `node-${process.platform}-${process.arch}`;
  const prefix = path.join(runDir, `node-${NODE_LTS_VERSION}`);
  const node = path.join(prefix, 'node_modules', pkg, 'bin', 'node');
  if (!existsSync(node)) {
    mkdirSync(prefix, { recursive: true });
    const npm = spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, `${pkg}@${NODE_LTS_VERSION}`], { stdio: 'inherit' });
    if (npm.status !== 0 || !existsSync(node)) return { error: `could not install ${pkg}@${NODE_LTS_VERSION} from the npm registry` };
  }
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' });
  if (version.stdout.trim() !== `v${NODE_LTS_VERSION}`) return { error: `${node} does not run here (${(version.stderr || version.stdout).trim().slice(0, 200)})` };
  return { node };
}
