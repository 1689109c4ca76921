/**
 * Hosted service or the administrator's own installation, for the OAuth blocks whose endpoints
 * the old editor chose with a select (quay-config-tool.md §6, panels 16 and 18). Choosing the
 * hosted service writes its endpoints; choosing one's own installation drops them so the real
 * endpoint is typed in. Only keys of the block are written: config-tool's GitLab select wrote a
 * stray top-level `GITLAB_TRIGGER_KIND`, which Quay never reads.
 */

/** The two choices of the select. */
export type EndpointKind = 'hosted' | 'self-hosted';

/** How one block tells the hosted service from an own installation. */
export interface EndpointKinds {
  /** Label of the select: the service's name. */
  service: string;
  hosted: { label: string; values: Readonly<Record<string, string>> };
  selfHosted: { label: string };
  /**
   * What an absent endpoint means to Quay. GitLab falls back to gitlab.com; for GitHub the
   * endpoint is required (Quay's fallback API URL `<endpoint>/api/v3/` is not github.com's API).
   */
  absentIsHosted: boolean;
}

const GITHUB: EndpointKinds = {
  service: 'GitHub',
  hosted: { label: 'GitHub.com', values: { GITHUB_ENDPOINT: 'https://github.com/', API_ENDPOINT: 'https://api.github.com/' } },
  selfHosted: { label: 'GitHub Enterprise' },
  absentIsHosted: false,
};

/** The blocks with a hosted/self-hosted select, by top-level key. */
export const ENDPOINT_KINDS: Readonly<Record<string, EndpointKinds>> = {
  GITHUB_LOGIN_CONFIG: GITHUB,
  GITHUB_TRIGGER_CONFIG: GITHUB,
  GITLAB_TRIGGER_CONFIG: {
    service: 'GitLab',
    hosted: { label: 'gitlab.com', values: { GITLAB_ENDPOINT: 'https://gitlab.com/' } },
    selfHosted: { label: 'GitLab self-managed (CE/EE)' },
    absentIsHosted: true,
  },
};

/** Same URL up to case and trailing slashes (`https://github.com` is `https://github.com/`). */
function sameUrl(value: unknown, url: string): boolean {
  const norm = (s: string) => s.trim().toLowerCase().replace(/\/+$/, '');
  return typeof value === 'string' && norm(value) === norm(url);
}

/** The kind a block is: hosted when every hosted endpoint is set to the service's (or absent, where Quay defaults to it). */
export function endpointKindOf(block: Readonly<Record<string, unknown>>, kinds: EndpointKinds): EndpointKind {
  const entries = Object.entries(kinds.hosted.values);
  if (kinds.absentIsHosted && entries.every(([k]) => block[k] === undefined)) return 'hosted';
  return entries.every(([k, v]) => sameUrl(block[k], v)) ? 'hosted' : 'self-hosted';
}

/** The block after choosing a kind; other keys are kept as they are. */
export function withEndpointKind(block: Readonly<Record<string, unknown>>, kinds: EndpointKinds, kind: EndpointKind): Record<string, unknown> {
  if (kind === 'hosted') return { ...block, ...kinds.hosted.values };
  const next = { ...block };
  for (const [k, v] of Object.entries(kinds.hosted.values)) if (sameUrl(next[k], v)) delete next[k];
  return next;
}
