import { describe, expect, it } from 'vitest';
import type { FieldGroup, Probe } from '../fieldgroups/define';
import { error } from '../report/findings';
import { validateConfig } from './run';
import type { FieldGroupId } from '../report/types';

/**
 * The pipeline's own guarantees, with fake groups so nothing but the orchestration is under test:
 * a throwing rule stays inside its group, a probe that ignores its signal is still cut off, a
 * cancelled run stops its probes, and hanging probes all run at once under their own deadlines.
 */
const input = { config: {}, files: new Map<string, Uint8Array>() };

function group(id: FieldGroupId, parts: Partial<FieldGroup>): FieldGroup {
  return { id, title: id, keys: [], skipReason: () => null, rules: () => [], ...parts };
}

/** A probe that never settles and ignores its signal; records when it started and when it was told to stop. */
function hangingProbe(name: string, log: string[]): Probe {
  return {
    name,
    fields: [name],
    run: (ctx) => {
      log.push(`start ${name}`);
      ctx.signal.addEventListener('abort', () => log.push(`abort ${name}`), { once: true });
      return new Promise(() => {});
    },
  };
}

describe('validation pipeline orchestration', () => {
  it('a rule that throws becomes one internal-error finding in its own group; the other groups still report', async () => {
    const report = await validateConfig(input, {
      mode: 'offline',
      registry: [
        group('Database', {
          keys: ['DB_URI'],
          rules: () => {
            throw new Error('boom');
          },
        }),
        group('Redis', { rules: () => [error('BUILDLOGS_REDIS', 'BUILDLOGS_REDIS is required', { code: 'required' })] }),
      ],
    });
    expect(report.groups.map((g) => [g.group, g.status, g.findings.map((f) => f.code)])).toEqual([
      ['Database', 'error', ['internal-error']],
      ['Redis', 'error', ['required']],
    ]);
    expect(report.groups[0]?.findings[0]).toMatchObject({ fields: ['DB_URI'], message: 'internal error in the Database checks: boom' });
    // The pipeline adds the example a required finding lacks.
    expect(report.groups[1]?.findings[0]?.hint).toMatch(/^e\.g\. BUILDLOGS_REDIS: /);
  });

  it('a probe that ignores its signal is cut off at its deadline (plus grace) with a timeout finding naming its stage', async () => {
    const log: string[] = [];
    const stuck: Probe = {
      ...hangingProbe('DB_URI', log),
      run: (ctx) => {
        ctx.enter('tls');
        return hangingProbe('DB_URI', log).run(ctx);
      },
    };
    const report = await validateConfig(input, { mode: 'online', timeoutMs: 150, registry: [group('Database', { probes: () => [stuck] })] });
    expect(report.groups[0]?.findings).toEqual([
      expect.objectContaining({ severity: 'error', code: 'timeout', stage: 'tls', fields: ['DB_URI'], message: 'DB_URI: no answer within 150 ms (stopped at the tls stage)' }),
    ]);
    expect(log).toEqual(['start DB_URI', 'abort DB_URI']);
  });

  it('a probe that reports its own timeout within the grace period is believed', async () => {
    const polite: Probe = {
      name: 'BUILDLOGS_REDIS',
      fields: ['BUILDLOGS_REDIS'],
      run: (ctx) =>
        new Promise((resolve) =>
          ctx.signal.addEventListener('abort', () => resolve([error('BUILDLOGS_REDIS', 'Redis did not answer PING', { code: 'redis-timeout', stage: 'auth' })]), { once: true }),
        ),
    };
    const report = await validateConfig(input, { mode: 'online', timeoutMs: 100, registry: [group('Redis', { probes: () => [polite] })] });
    expect(report.groups[0]?.findings.map((f) => f.code)).toEqual(['redis-timeout']);
  });

  it('cancelling the run aborts every running probe and reports them as cancelled or timed out, never hangs', async () => {
    const log: string[] = [];
    const controller = new AbortController();
    const polite = (name: string): Probe => ({
      name,
      fields: [name],
      run: (ctx) => {
        log.push(`start ${name}`);
        return new Promise((resolve) => ctx.signal.addEventListener('abort', () => resolve([error(name, `${name}: check cancelled`, { code: 'cancelled' })]), { once: true }));
      },
    });
    const running = validateConfig(input, {
      mode: 'online',
      timeoutMs: 60_000,
      signal: controller.signal,
      registry: [group('Database', { probes: () => [polite('DB_URI')] }), group('Redis', { probes: () => [polite('BUILDLOGS_REDIS')] })],
    });
    await new Promise((r) => setTimeout(r, 50));
    controller.abort();
    const report = await running;
    expect(log.sort()).toEqual(['start BUILDLOGS_REDIS', 'start DB_URI']);
    expect(report.groups.flatMap((g) => g.findings.map((f) => f.code))).toEqual(['cancelled', 'cancelled']);
  });

  it("all-hanging: every group's probes start before the first deadline fires, so the run is bounded by one deadline, not their sum", async () => {
    const log: string[] = [];
    const ids: FieldGroupId[] = ['Database', 'Redis', 'LDAP', 'Email', 'ElasticSearch', 'SecurityScanner', 'DistributedStorage', 'OIDC'];
    const registry = ids.map((id) => group(id, { probes: () => [hangingProbe(`${id}-a`, log), hangingProbe(`${id}-b`, log)] }));
    const report = await validateConfig(input, { mode: 'online', timeoutMs: 200, registry });
    const firstAbort = log.findIndex((l) => l.startsWith('abort'));
    expect(log.slice(0, firstAbort).filter((l) => l.startsWith('start'))).toHaveLength(ids.length * 2);
    expect(report.groups.flatMap((g) => g.findings.map((f) => f.code))).toEqual(Array(ids.length * 2).fill('timeout'));
  });

  it("every error says what to do: one without a hint gets its stage's remedy or an example value", async () => {
    const report = await validateConfig(input, {
      mode: 'offline',
      registry: [
        group('Database', {
          rules: () => [
            error('DB_URI', 'DB_URI: connection refused', { code: 'connection-refused', stage: 'tcp' }),
            error('SERVER_HOSTNAME', 'SERVER_HOSTNAME is not a host name', { code: 'hostname-invalid' }),
          ],
        }),
      ],
    });
    expect(report.groups[0]?.findings.map((f) => f.hint)).toEqual([expect.stringMatching(/host and port.*firewall/), expect.stringMatching(/^e\.g\. SERVER_HOSTNAME: /)]);
  });

  it('an offline run never calls a probe', async () => {
    let called = false;
    const probe: Probe = {
      name: 'x',
      fields: ['x'],
      run: async () => {
        called = true;
        return [];
      },
    };
    await validateConfig(input, { mode: 'offline', registry: [group('Database', { probes: () => [probe] })] });
    expect(called).toBe(false);
  });
});
