import { describe, expect, inject, it } from 'vitest';
import { pageAssets } from '../../scripts/bench/page-weight';
import { percentile, summarize } from '../../scripts/bench/stats';
import { countProbes } from '../../scripts/bench/validation';
import { buildCompleteConfig, redirectServices, SERVICE_NAMES, type ServiceName } from '../harness/complete-config';

/**
 * The pieces `npm run bench` relies on for its figures: the statistics, the page-asset scan, the
 * "every service elsewhere" variant of the complete config and the probe count behind the
 * "sequential validator" figure. No network: the complete config is only built here.
 */

const h = inject('harness');

describe('bench statistics', () => {
  it('median of odd and even counts, min and max', () => {
    expect(summarize([5, 1, 3])).toEqual({ n: 3, median: 3, min: 1, max: 5 });
    expect(summarize([4, 1, 3, 2])).toEqual({ n: 4, median: 2.5, min: 1, max: 4 });
  });

  it('nearest-rank percentiles', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(samples, 50), percentile(samples, 95), percentile(samples, 100)]).toEqual([50, 95, 100]);
    expect(percentile([7], 95)).toBe(7);
  });
});

describe('page assets', () => {
  it('collects the scripts and stylesheets under /_next/static/ that the HTML names, once each', () => {
    const html = [
      '<link rel="stylesheet" href="/_next/static/css/app.css?dpl=x&amp;v=1" data-precedence="next"/>',
      '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/webpack.js"/>',
      '<script src="/_next/static/chunks/webpack.js" async=""></script>',
      "<script src='/_next/static/chunks/main-app.js' async></script>",
      '<script>self.__next_f.push([1,""])</script>',
      '<script src="https://cdn.example.com/other.js"></script>',
      '<link rel="icon" href="/favicon.ico"/>',
    ].join('');
    expect(pageAssets(html)).toEqual({
      scripts: ['/_next/static/chunks/webpack.js', '/_next/static/chunks/main-app.js'],
      styles: ['/_next/static/css/app.css?dpl=x&v=1'],
    });
  });
});

describe('the complete config for the hanging figures', () => {
  const bundle = buildCompleteConfig(h, { publicProviders: true });
  const ports = Object.fromEntries(SERVICE_NAMES.map((n, i) => [n, 40001 + i])) as Record<ServiceName, number>;
  const moved = redirectServices(bundle, (n) => ports[n]);

  it('moves every service, and only the services, to 127.0.0.1:<its port>', () => {
    const c = moved.config;
    const storage = c.DISTRIBUTED_STORAGE_CONFIG as Record<string, [string, Record<string, unknown>]>;
    expect(c.DB_URI).toMatch(new RegExp(`@127\\.0\\.0\\.1:${ports.postgres}/`));
    for (const k of ['BUILDLOGS_REDIS', 'USER_EVENTS_REDIS', 'PULL_METRICS_REDIS']) expect(c[k]).toMatchObject({ host: '127.0.0.1', port: ports.redis });
    expect(c.LDAP_URI).toBe(`ldaps://127.0.0.1:${ports.ldap}`);
    expect(storage.default?.[1]).toMatchObject({ host: '127.0.0.1', port: ports.s3 });
    expect(storage.swift?.[1].auth_url).toBe(`http://127.0.0.1:${ports.swift}/auth/v1.0`);
    expect([c.MAIL_SERVER, c.MAIL_PORT]).toEqual(['127.0.0.1', ports.smtp]);
    expect(c.SECURITY_SCANNER_V4_ENDPOINT).toBe(`https://127.0.0.1:${ports.clair}`);
    expect((c.LOGS_MODEL_CONFIG as { elasticsearch_config: unknown }).elasticsearch_config).toMatchObject({ host: '127.0.0.1', port: ports.elasticsearch });
    expect(moved.endpoints).toMatchObject({ githubApi: `https://127.0.0.1:${ports.github}/api/v3/`, google: `https://127.0.0.1:${ports.google}/` });
    // Credentials and everything else stay as they were; the original bundle is untouched.
    expect(moved.config.SECRET_KEY).toBe(bundle.config.SECRET_KEY);
    expect(moved.files).toBe(bundle.files);
    expect(bundle.config.LDAP_URI).not.toBe(moved.config.LDAP_URI);
  });

  it('has one probe per service endpoint: 13 with github.com and Google login', () => {
    // Database 1, Redis 3, storage 2, LDAP 1, OIDC 1, GitHub 1, Google 1, Clair 1, SMTP 1, Elasticsearch 1.
    expect(countProbes(moved)).toBe(13);
    expect(countProbes(buildCompleteConfig(h))).toBe(12);
  });
});
