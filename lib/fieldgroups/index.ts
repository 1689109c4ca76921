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

/** Every field group, in display order (server first, Schema last). */
export const fieldGroups: readonly FieldGroup[] = [
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
];

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
