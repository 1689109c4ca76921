import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import https from 'node:https';
import { createRequire } from 'node:module';
import path from 'node:path';
import { z } from 'zod';
import { freePort, waitForPort, waitUntil } from '../ports';
import { spawnDaemon, type Daemon } from '../process';
import type { ServiceModule, TestCerts } from '../types';

/**
 * Azurite (npm `azurite`, Microsoft's Azure Storage emulator), Blob service only, over HTTPS with
 * the harness server certificate. It checks Shared Key and SAS signatures against its accounts:
 * here one account with a fresh random key (AZURITE_ACCOUNTS), in which container `quay` exists.
 * URLs are path-style, as with Azure Stack or any endpoint_url: `https://127.0.0.1:<port>/<account>`.
 */

/** What the `azurite` service provides to tests (`inject('harness').services.azurite`). */
export const azuriteInfo = z.object({
  host: z.string(),
  port: z.number(),
  /** `https://127.0.0.1:<port>/<account>`: AzureStorage's endpoint_url. */
  blobEndpoint: z.string(),
  account: z.string(),
  /** Base64, as azure_account_key takes it. */
  accountKey: z.string(),
  /** A container that exists. */
  container: z.string(),
});
export type AzuriteInfo = z.infer<typeof azuriteInfo>;

const ACCOUNT = 'quayacct';
const CONTAINER = 'quay';

export const service: ServiceModule = {
  name: 'azurite',
  async start(env) {
    const base = path.join(env.runDir, 'azurite');
    mkdirSync(path.join(base, 'data'), { recursive: true });
    const accountKey = randomBytes(64).toString('base64');
    const port = await freePort();
    const main = createRequire(import.meta.url).resolve('azurite/dist/src/blob/main.js');
    const daemon: Daemon = spawnDaemon(
      process.execPath,
      [
        main,
        '--blobHost',
        '127.0.0.1',
        '--blobPort',
        String(port),
        '--location',
        path.join(base, 'data'),
        '--cert',
        env.certs.serverCertPath,
        '--key',
        env.certs.serverKeyPath,
        // No telemetry (it would try to reach the Internet), no access log on every request.
        '--disableTelemetry',
        '--silent',
      ],
      { logFile: path.join(base, 'azurite.log'), env: { ...process.env, AZURITE_ACCOUNTS: `${ACCOUNT}:${accountKey}` } },
    );
    const blobEndpoint = `https://127.0.0.1:${port}/${ACCOUNT}`;
    try {
      await waitForPort(port);
      // Azurite listens before it has loaded its metadata store: retry until the container is made.
      await waitUntil(async () => [201, 409].includes(await createContainer(blobEndpoint, CONTAINER, accountKey, env.certs)), 'azurite container');
    } catch (e) {
      await daemon.stop();
      throw e;
    }
    const info: AzuriteInfo = { host: '127.0.0.1', port, blobEndpoint, account: ACCOUNT, accountKey, container: CONTAINER };
    return { info, stop: () => daemon.stop() };
  },
};

/**
 * Create Container (`PUT ?restype=container`) with Shared Key, signed here independently of
 * lib/probes/azure.ts (so the probe's signing is checked by Azurite, not by itself); resolves to the
 * HTTP status.
 */
export async function createContainer(endpoint: string, container: string, accountKey: string, certs: Pick<TestCerts, 'caPem'>): Promise<number> {
  const url = new URL(`${endpoint.replace(/\/+$/, '')}/${container}?restype=container`);
  const account = url.pathname.split('/')[1] ?? '';
  const date = new Date().toUTCString();
  const version = '2021-08-06';
  // Verb, 11 empty standard headers (Content-Length is empty when 0), x-ms-* headers, resource.
  const stringToSign = `PUT\n${'\n'.repeat(11)}x-ms-date:${date}\nx-ms-version:${version}\n/${account}${url.pathname}\nrestype:container`;
  const signature = createHmac('sha256', Buffer.from(accountKey, 'base64')).update(stringToSign, 'utf8').digest('base64');
  const headers = { 'x-ms-date': date, 'x-ms-version': version, 'content-length': '0', authorization: `SharedKey ${account}:${signature}` };
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method: 'PUT', headers, ca: certs.caPem }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}
