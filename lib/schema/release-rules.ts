import { atLeast, type QuayRelease } from './releases';

/**
 * Schema verdicts that depend on the release: our schema follows head, but a value head refuses may
 * be exactly what an older release expects. Each entry cites the upstream change.
 */
export type SchemaOverride = { verdict: 'accept' } | { verdict: 'warn'; hint: string };

interface ReleaseRule {
  key: string;
  keyword: string;
  applies(value: unknown): boolean;
  judge(release: QuayRelease): SchemaOverride;
}

const RULES: readonly ReleaseRule[] = [
  {
    // CORS_ORIGIN was one origin string in 3.8 (its schema: "type": "string") and became a list of
    // origins in 3.9 (quay/quay 84abdba07). flask-cors still takes a string, so later it only warns.
    key: 'CORS_ORIGIN',
    keyword: 'type',
    applies: (value) => typeof value === 'string',
    judge: (release) =>
      atLeast(release, '3.9') ? { verdict: 'warn', hint: 'since Quay 3.9 CORS_ORIGIN is a list of origins: write CORS_ORIGIN: ["https://app.example.com"]' } : { verdict: 'accept' },
  },
];

/** How the target release judges a schema violation on a top-level key, when it differs from head. */
export function releaseSchemaOverride(key: string, keyword: string, value: unknown, release: QuayRelease): SchemaOverride | undefined {
  const rule = RULES.find((r) => r.key === key && r.keyword === keyword && r.applies(value));
  return rule?.judge(release);
}
