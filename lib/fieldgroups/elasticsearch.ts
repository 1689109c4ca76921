import { defineFieldGroup } from './define';

export const elasticSearch = defineFieldGroup({
  id: 'ElasticSearch',
  title: 'Action logs (Elasticsearch)',
  keys: [
    'LOGS_MODEL',
    'LOGS_MODEL_CONFIG',
  ],
  skipReason: () => null,
  rules: () => [],
});
