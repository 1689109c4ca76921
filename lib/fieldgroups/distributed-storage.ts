import { defineFieldGroup } from './define';

export const distributedStorage = defineFieldGroup({
  id: 'DistributedStorage',
  title: 'Registry storage',
  keys: [
    'DISTRIBUTED_STORAGE_CONFIG',
    'DISTRIBUTED_STORAGE_PREFERENCE',
    'DISTRIBUTED_STORAGE_DEFAULT_LOCATIONS',
    'FEATURE_STORAGE_REPLICATION',
    'FEATURE_PROXY_STORAGE',
    'USERFILES_LOCATION',
    'USERFILES_PATH',
    'LOG_ARCHIVE_LOCATION',
    'LOG_ARCHIVE_PATH',
  ],
  skipReason: () => null,
  rules: () => [],
});
