import { describe, expect, inject, it } from 'vitest';
import type { ProcessFigures } from '../../scripts/bench/cli';
import { benchFloors } from '../../scripts/bench/floors';
import { verdicts } from '../../scripts/bench/main';

/**
 * `npm run bench`'s service floors (one exchange of each service's own protocol, the least a probe
 * can wait for) really talk to the harness services, authenticated; and its target lines say met
 * or not met from the figures (issue 11).
 */

const h = inject('harness');

describe('service floors', () => {
  it('one exchange with every probed service succeeds (TLS and authentication where the complete config uses them)', async () => {
    const floors = await benchFloors(h, 1);
    expect(floors.map((f) => f.group).sort()).toEqual(
      ['Database', 'DistributedStorage', 'DistributedStorage', 'DistributedStorage', 'ElasticSearch', 'Email', 'GitHubLogin', 'LDAP', 'OIDC', 'Redis', 'SecurityScanner'].sort(),
    );
    for (const f of floors) {
      expect(f.summary.n).toBe(1);
      expect(Number.isFinite(f.summary.median) && f.summary.median > 0).toBe(true);
    }
  }, 60_000);
});

describe('target verdicts', () => {
  const proc = (label: string, wallMs: number, rssMiB: number): ProcessFigures => ({
    label,
    wall: { n: 1, median: wallMs, min: wallMs, max: wallMs },
    peakRss: { n: 1, median: rssMiB * 1024 * 1024, min: 0, max: 0 },
    exitCodes: [0],
  });

  it('judge the CLI by its ratio to node start-up and its peak RSS, each mode on its own line', () => {
    const rows = verdicts({ cli: [proc('node', 60, 39), proc('offline', 150, 55), proc('online', 230, 61)] });
    const line = (start: string) => rows.find(([k]) => k.startsWith(`target: ${start}`))?.[1] ?? '';
    expect(line('CLI offline')).toMatch(/^met — 150 ms, 2\.5×/);
    // 3.8× node start-up, but longer than 0.2 s: not met.
    expect(line('CLI online')).toMatch(/^NOT MET — 230 ms, 3\.8×/);
    expect(line('CLI peak RSS ≤ 60 MiB (offline)')).toMatch(/^met/);
    expect(line('CLI peak RSS ≤ 60 MiB (online)')).toMatch(/^NOT MET — 61\.0 MiB/);
  });

  it('call the cost linear when an item costs no more among 5000 than among 1000', () => {
    const s = (median: number) => ({ n: 1, median, min: median, max: median });
    const scaling = (at5000: number) => ({
      base: s(4),
      cases: [
        { label: '1000 unknown keys', added: 1000, summary: s(12) },
        { label: '5000 unknown keys', added: 5000, summary: s(at5000) },
      ],
    });
    expect(verdicts({ scaling: scaling(40) })[0]?.[1]).toMatch(/^met/);
    expect(verdicts({ scaling: scaling(400) })[0]?.[1]).toMatch(/^NOT MET/);
  });
});
