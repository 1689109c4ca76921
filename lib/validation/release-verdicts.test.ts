import { describe, expect, it } from 'vitest';
import type { ConfigMap } from '../config/values';
import { validateConfig } from './run';

const findingsOn = async (config: ConfigMap, key: string, quayVersion?: string) => {
  const report = await validateConfig({ config, files: new Map() }, { mode: 'offline', ...(quayVersion ? { quayVersion } : {}) });
  return report.groups.flatMap((g) => g.findings).filter((f) => f.fields.some((k) => k === key || k.startsWith(`${key}.`) || k.startsWith(`${key}[`)));
};

describe('release-keyed verdicts', () => {
  it('CORS_ORIGIN as one string is the 3.8 format (before quay/quay 84abdba07), a warning from 3.9 on', async () => {
    const config = { CORS_ORIGIN: 'https://app.example.com' };
    expect(await findingsOn(config, 'CORS_ORIGIN', '3.8')).toEqual([]);
    expect(await findingsOn(config, 'CORS_ORIGIN', '3.9')).toEqual([expect.objectContaining({ severity: 'warning', code: 'schema-type', hint: expect.stringContaining('list of origins') })]);
    expect(await findingsOn({ CORS_ORIGIN: ['https://app.example.com'] }, 'CORS_ORIGIN', '3.19')).toEqual([]);
  });

  it('storage_path: "" is the bucket root for cloud engines, but no directory for LocalStorage', async () => {
    const storage = {
      DISTRIBUTED_STORAGE_CONFIG: {
        s3: ['S3Storage', { s3_bucket: 'quay', storage_path: '', s3_access_key: 'AK', s3_secret_key: 'SK' }],
        rgw: ['RadosGWStorage', { hostname: 'rgw.example.com', is_secure: true, access_key: 'a', secret_key: 's', bucket_name: 'quay', storage_path: '' }],
        local: ['LocalStorage', { storage_path: '' }],
      },
      DISTRIBUTED_STORAGE_PREFERENCE: ['s3'],
    };
    const errors = (await findingsOn(storage, 'DISTRIBUTED_STORAGE_CONFIG')).filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.fields[0])).toEqual(['DISTRIBUTED_STORAGE_CONFIG.local[1].storage_path']);
  });

  it('RadosGW signature_version: no finding for head, a warning to check for a release the change may predate', async () => {
    const storage = (over: ConfigMap) => ({
      DISTRIBUTED_STORAGE_CONFIG: { rgw: ['RadosGWStorage', { hostname: 'rgw.example.com', is_secure: true, access_key: 'a', secret_key: 's', bucket_name: 'quay', storage_path: '/r', ...over }] },
      DISTRIBUTED_STORAGE_PREFERENCE: ['rgw'],
    });
    const at = async (release: string) => (await findingsOn(storage({ signature_version: 's3v4' }), 'DISTRIBUTED_STORAGE_CONFIG', release)).map((f) => [f.code, f.severity]);
    expect(await at('head')).toEqual([]);
    expect(await at('3.12')).toEqual([['parameter-may-be-newer', 'warning']]);
  });
});
