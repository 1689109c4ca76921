'use client';

import { useCallback, useMemo } from 'react';
import type { SecretKeyResponse } from '@/lib/api/contract';
import type { CertificateInfo } from '@/lib/api/contract';
import type { FormEnv } from '@/components/form/form-env';
import { apiJson } from './api-client';
import { PINNED_KEYS } from './config-diff';
import type { Draft } from './draft-store';
import type { FormModel } from './form-model';
import { REDIS_MIRROR } from './same-redis';
import { uiLookup } from './ui-lookup';
import type { EditorState } from './use-editor-state';

/**
 * The renderer's environment for the whole editor (sections narrow `issuesAt` to their own placement).
 * A replaced or removed file drops the validation results about it, as an edited key does.
 */
export function useFormEnvValue(model: FormModel, draft: Draft, st: EditorState, certInfo: Record<string, CertificateInfo>, invalidate: (path: string) => void): FormEnv {
  const uiFor = useMemo(() => uiLookup(model), [model]);
  const pinnedKeys = useMemo(() => new Set<string>(PINNED_KEYS.filter((k) => draft.original?.config[k] !== undefined)), [draft]);
  const { setFile: storeFile } = st;
  const setFile = useCallback(
    (name: string, content: string | undefined) => {
      storeFile(name, content);
      invalidate(name);
    },
    [storeFile, invalidate],
  );
  const generateSecret = useCallback(async () => (await apiJson<SecretKeyResponse>('/api/v2/keys/secret', {})).value, []);
  const mirrorOf = useCallback((key: string) => (st.redisSame && key === REDIS_MIRROR.key ? REDIS_MIRROR.source : undefined), [st.redisSame]);
  return useMemo<FormEnv>(
    () => ({
      issuesAt: () => [],
      issuesUnder: () => [],
      isReadOnly: st.isReadOnly,
      mirrorOf,
      files: st.files,
      setFile,
      certInfo,
      storageEngines: model.storageEngines,
      generateSecret,
      pinnedKeys,
      uiFor,
      extra: st.extra,
      setExtra: st.setExtra,
    }),
    [st.isReadOnly, mirrorOf, st.files, setFile, certInfo, model.storageEngines, generateSecret, pinnedKeys, uiFor, st.extra, st.setExtra],
  );
}
