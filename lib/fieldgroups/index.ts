import { accessSettings } from './access-settings';
import { actionLogArchiving } from './action-log-archiving';
import { appTokenAuthentication } from './app-token-authentication';
import { bitbucketBuildTrigger } from './bitbucket-build-trigger';
import { buildManager } from './build-manager';
import { caCertificates } from './ca-certificates';
import { database } from './database';
import { distributedStorage } from './distributed-storage';
import { elasticSearch } from './elasticsearch';
import { email } from './email';
import { gitHubBuildTrigger } from './github-build-trigger';
import { gitHubLogin } from './github-login';
import { gitLabBuildTrigger } from './gitlab-build-trigger';
import { googleLogin } from './google-login';
import { hostSettings } from './host-settings';
import { jwtAuthentication } from './jwt-authentication';
import { keystone } from './keystone';
import { ldap } from './ldap';
import { oidc } from './oidc';
import { quayDocumentation } from './quay-documentation';
import { redis } from './redis';
import { repoMirror } from './repo-mirror';
import { schema } from './schema';
import { secretKeys } from './secret-keys';
import { securityScanner } from './security-scanner';
import { teamSyncing } from './team-syncing';
import { timeMachine } from './time-machine';
import { userVisibleSettings } from './user-visible-settings';
import type { FieldGroupId } from '../report/types';
import type { FieldGroup } from './define';

/** The ids of a list of groups, element by element. */
type IdsOf<G extends readonly FieldGroup[]> = { [I in keyof G]: G[I]['id'] };

/** The ids that occur more than once in a tuple of ids. */
type Repeated<T extends readonly unknown[]> = T extends readonly [infer Head, ...infer Rest] ? (Head extends Rest[number] ? Head : never) | Repeated<Rest> : never;

/**
 * Accepts the list only when it holds exactly one group per `FieldGroupId`: otherwise the argument
 * must also be `{ missing: … }` or `{ repeated: … }`, and the compile error names the ids at fault.
 */
type OnePerId<G extends readonly FieldGroup[]> = [Exclude<FieldGroupId, G[number]['id']>] extends [never]
  ? [Repeated<IdsOf<G>>] extends [never]
    ? unknown
    : { repeated: Repeated<IdsOf<G>> }
  : { missing: Exclude<FieldGroupId, G[number]['id']> };

/**
 * The registry: `FIELD_GROUP_IDS` (`lib/report/types.ts`) is the list of ids, because the report
 * types, the API schema and the wizard need them and `lib/report/` may not import the groups; this
 * function makes the compiler hold the registry to that list (`index.test.ts` checks it again).
 */
export function registerFieldGroups<const G extends readonly FieldGroup[]>(groups: G & OnePerId<G>): G {
  return groups;
}

/** Every field group, in display order (server first, Schema last). */
export const fieldGroups = registerFieldGroups([
  hostSettings,
  secretKeys,
  caCertificates,
  database,
  redis,
  distributedStorage,
  accessSettings,
  ldap,
  keystone,
  jwtAuthentication,
  oidc,
  appTokenAuthentication,
  gitHubLogin,
  googleLogin,
  securityScanner,
  email,
  elasticSearch,
  actionLogArchiving,
  timeMachine,
  teamSyncing,
  repoMirror,
  buildManager,
  gitHubBuildTrigger,
  bitbucketBuildTrigger,
  gitLabBuildTrigger,
  userVisibleSettings,
  quayDocumentation,
  schema,
]);

const byId = new Map(fieldGroups.map((g) => [g.id, g]));

export function fieldGroup(id: FieldGroupId): FieldGroup {
  const g = byId.get(id);
  if (!g) throw new Error(`unknown field group ${id}`);
  return g;
}

/** The group that owns a top-level key (the first in display order), if any. */
export function ownerOfKey(key: string): FieldGroupId | undefined {
  for (const g of fieldGroups) {
    if (g.keys.includes(key) || g.keyPattern?.test(key)) return g.id;
  }
  return undefined;
}
