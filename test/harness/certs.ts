import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestCerts } from './types';

/** Makes the test PKI with openssl (reference/test-services.md §2) into `${runDir}/certs`. */
export function makeTestCerts(runDir: string): TestCerts {
  const dir = path.join(runDir, 'certs');
  mkdirSync(dir, { recursive: true });
  const ossl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  const ca = (name: string, cn: string) =>
    ossl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.crt`,
      '-days',
      '3650',
      '-subj',
      `/CN=${cn}`,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    );
  const leaf = (name: string, cn: string, san: string) => {
    ossl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`);
    writeFileSync(path.join(dir, `${name}.ext`), `subjectAltName=${san}\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n`);
    ossl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.crt`, '-days', '825', '-extfile', `${name}.ext`);
  };
  ca('ca', 'Test CA');
  ca('other-ca', 'Other Test CA');
  leaf('server', 'localhost', 'DNS:localhost,IP:127.0.0.1,IP:::1');
  leaf('wrong-host', 'wrong.example', 'DNS:wrong.example');
  const p = (f: string) => path.join(dir, f);
  const read = (f: string) => readFileSync(p(f), 'utf8');
  return {
    dir,
    caPath: p('ca.crt'),
    caPem: read('ca.crt'),
    serverCertPath: p('server.crt'),
    serverKeyPath: p('server.key'),
    serverCertPem: read('server.crt'),
    serverKeyPem: read('server.key'),
    otherCaPath: p('other-ca.crt'),
    otherCaPem: read('other-ca.crt'),
    wrongHostCertPath: p('wrong-host.crt'),
    wrongHostKeyPath: p('wrong-host.key'),
    wrongHostCertPem: read('wrong-host.crt'),
    wrongHostKeyPem: read('wrong-host.key'),
  };
}
