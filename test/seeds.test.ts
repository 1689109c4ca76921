import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main';
import type { Finding, ValidationReport } from '../lib/report/types';

/**
 * Configs built from Quay's own documentation (shared/seeds/), validated offline through the CLI as
 * an administrator would (`quay-config validate --mode offline --json`), with the verdict they expect.
 */
const fixtures = path.join(import.meta.dirname, 'fixtures/seeds');

async function validate(target: string): Promise<{ code: number; report: ValidationReport; stdout: string }> {
  let stdout = '';
  const code = await main(['validate', target, '--mode', 'offline', '--json'], {
    out: (t) => (stdout += t),
    err: (t) => (stdout += t),
    env: { NODE_ENV: 'test' },
  });
  return { code, report: JSON.parse(stdout) as ValidationReport, stdout };
}

function findings(report: ValidationReport, group: string): Finding[] {
  return report.groups.find((g) => g.group === group)?.findings ?? [];
}

function withEdit(fixture: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'seed-'));
  const file = path.join(dir, 'config.yaml');
  writeFileSync(file, edit(readFileSync(path.join(fixtures, fixture), 'utf8')));
  return file;
}

const SECRETS = ['strongpassword', 'quaypass', 'changeme', 'es-secret-value', 'secretkeyexample'];

describe('configs from Quay documentation (offline)', () => {
  it.each(['poc-minimal.yaml', 'ldap.yaml', 'clair-v4.yaml', 'clair-v4-openshift.yaml', 'elasticsearch-logs.yaml', 'mirroring.yaml'])('%s is valid and leaks no secret', async (name) => {
    const { code, report, stdout } = await validate(path.join(fixtures, name));
    const errors = report.groups.flatMap((g) => g.findings.filter((f) => f.severity === 'error').map((f) => `${g.group}: ${f.message}`));
    expect(errors).toEqual([]);
    expect(report.valid).toBe(true);
    expect(code).toBe(0);
    for (const s of SECRETS) expect(stdout).not.toContain(s);
  });

  it('LDAP with the guide\'s OCR typo "Idaps://" is invalid on LDAP_URI', async () => {
    const file = withEdit('ldap.yaml', (t) => t.replace('LDAP_URI: ldaps://', 'LDAP_URI: Idaps://'));
    const { code, report } = await validate(file);
    expect(code).toBe(1);
    expect(findings(report, 'LDAP')).toContainEqual(expect.objectContaining({ severity: 'error', fields: expect.arrayContaining(['LDAP_URI']) }));
  });

  it('the Clair v4 PSK made by config-tool\'s "Generate PSK" is flagged as weak, not invalid', async () => {
    const { report } = await validate(path.join(fixtures, 'clair-v4.yaml'));
    expect(findings(report, 'SecurityScanner')).toContainEqual(expect.objectContaining({ severity: 'warning', fields: ['SECURITY_SCANNER_V4_PSK'] }));
  });

  it('the OpenShift Clair v4 excerpt without a PSK gets a warning on the PSK', async () => {
    const { report } = await validate(path.join(fixtures, 'clair-v4-openshift.yaml'));
    expect(findings(report, 'SecurityScanner')).toContainEqual(expect.objectContaining({ severity: 'warning', fields: ['SECURITY_SCANNER_V4_PSK'] }));
  });

  it('Elasticsearch logs without a host are invalid on the nested key', async () => {
    const file = withEdit('elasticsearch-logs.yaml', (t) => t.replace('        host: es.example.com\n', ''));
    const { code, report } = await validate(file);
    expect(code).toBe(1);
    expect(findings(report, 'ElasticSearch')).toContainEqual(expect.objectContaining({ severity: 'error', fields: expect.arrayContaining(['LOGS_MODEL_CONFIG.elasticsearch_config.host']) }));
  });

  it('a superuser name Quay cannot have is invalid on that list entry', async () => {
    const file = withEdit('poc-minimal.yaml', (t) => t.replace('    - quayadmin', '    - Quay Admin'));
    const { report } = await validate(file);
    expect(findings(report, 'AccessSettings')).toContainEqual(expect.objectContaining({ severity: 'error', fields: expect.arrayContaining(['SUPER_USERS[0]']) }));
  });

  describe('TLS handled by Quay (ssl.cert + ssl.key, self-signed root CA as in the guide)', () => {
    const pki = mkdtempSync(path.join(os.tmpdir(), 'seed-pki-'));
    const ossl = (...args: string[]) => execFileSync('openssl', args, { cwd: pki, stdio: 'ignore' });
    ossl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'rootCA.key',
      '-out',
      'rootCA.pem',
      '-days',
      '3650',
      '-subj',
      '/CN=Quay POC CA',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    );
    const leaf = (name: string, host: string) => {
      ossl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${host}`);
      writeFileSync(path.join(pki, `${name}.ext`), `subjectAltName=DNS:${host}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`);
      ossl('x509', '-req', '-in', `${name}.csr`, '-CA', 'rootCA.pem', '-CAkey', 'rootCA.key', '-CAcreateserial', '-out', `${name}.crt`, '-days', '365', '-extfile', `${name}.ext`);
    };
    leaf('good', 'quay-server.example.com');
    leaf('other', 'other.example.com');
    const bundle = (cert: string) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'seed-tls-'));
      cpSync(path.join(fixtures, 'tls.yaml'), path.join(dir, 'config.yaml'));
      cpSync(path.join(pki, `${cert}.crt`), path.join(dir, 'ssl.cert'));
      cpSync(path.join(pki, `${cert}.key`), path.join(dir, 'ssl.key'));
      mkdirSync(path.join(dir, 'extra_ca_certs'));
      cpSync(path.join(pki, 'rootCA.pem'), path.join(dir, 'extra_ca_certs/rootCA.pem'));
      return dir;
    };

    it('is valid with a certificate for SERVER_HOSTNAME signed by the CA in extra_ca_certs/', async () => {
      const { code, report } = await validate(bundle('good'));
      expect(findings(report, 'HostSettings').filter((f) => f.severity === 'error')).toEqual([]);
      expect(code).toBe(0);
    });

    it('is invalid on ssl.cert when the certificate names another host', async () => {
      const { code, report } = await validate(bundle('other'));
      expect(code).toBe(1);
      expect(findings(report, 'HostSettings')).toContainEqual(expect.objectContaining({ severity: 'error', fields: expect.arrayContaining(['ssl.cert']) }));
    });
  });
});
