import { probeRedis } from '../../probes/redis';
import { defineFieldGroup, type Probe, type RuleContext } from '../define';
import type { Finding } from '../../report/types';
import { checkRedisInstance } from './instance';

/** The Redis instances Quay uses; the first two are required (Quay does not start without them). */
const INSTANCES = [
  { key: 'BUILDLOGS_REDIS', required: true },
  { key: 'USER_EVENTS_REDIS', required: true },
  { key: 'PULL_METRICS_REDIS', required: false },
] as const;

/** The Redis group: each instance checked and probed (AUTH, SELECT, PING) with its own settings. */
export const redis = defineFieldGroup({
  id: 'Redis',
  title: 'Redis',
  keys: INSTANCES.map((i) => i.key),
  // Quay needs Redis for build logs and user events whatever features are on.
  skipReason: () => null,
  rules: (ctx) => analyse(ctx).findings,
  probes: (ctx) => analyse(ctx).probes,
});

function analyse(ctx: RuleContext): { findings: Finding[]; probes: Probe[] } {
  const findings: Finding[] = [];
  const probes: Probe[] = [];
  for (const { key, required } of INSTANCES) {
    const result = checkRedisInstance(key, ctx.config[key], required, ctx.files);
    findings.push(...result.findings);
    const target = result.target;
    if (target) probes.push({ name: key, fields: [key], run: (p) => probeRedis(target, p) });
  }
  return { findings, probes };
}
