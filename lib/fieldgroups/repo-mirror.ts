import { defineFieldGroup } from './define';

export const repoMirror = defineFieldGroup({
  id: 'RepoMirror',
  title: 'Repository mirroring',
  keys: [
    'FEATURE_REPO_MIRROR',
    'REPO_MIRROR_INTERVAL',
    'REPO_MIRROR_SERVER_HOSTNAME',
    'REPO_MIRROR_TLS_VERIFY',
    'REPO_MIRROR_ROLLBACK',
  ],
  skipReason: () => null,
  rules: () => [],
});
