'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { BundleJson, ServerConfigResponse } from '@/lib/api/contract';
import type { FieldGroupId } from '@/lib/report/types';
import { apiJson } from './api-client';
import { assembleConfig, knownKeyTest, splitConfig, toBundleJson } from './config-bundle';
import { saveDraft, type Draft } from './draft-store';
import type { ConfigObject, Files } from './editor-types';
import type { FormModel } from './form-model';
import type { ReleaseChoice } from './release-picker';
import { REDIS_MIRROR, redisIsSame, withSameRedis } from './same-redis';

/** Field groups of the bundle files edited in the form. */
const FILE_GROUPS: Record<string, FieldGroupId> = { 'ssl.cert': 'HostSettings', 'ssl.key': 'HostSettings', 'database.pem': 'Database', 'ldap.crt': 'LDAP', 'jwt-authn.cert': 'JWTAuthentication' };

/** What the server says about this editor session (`GET /api/v2/config`). */
export interface ServerSettings {
  readonlyGroups: ReadonlySet<string>;
  /** Started with --operator-endpoint: "Reconfigure Quay" hands the bundle to the operator. */
  operatorEndpoint: boolean;
}

const NO_SERVER_SETTINGS: ServerSettings = { readonlyGroups: new Set(), operatorEndpoint: false };

/**
 * The editor's data: schema keys in react-hook-form, keys outside the schema and the bundle files
 * beside it, the section shown, the Quay release judged for, read-only groups and the operator hand-off from the server, and the draft kept in
 * localStorage (written 400 ms after the last change, and at once before leaving the page).
 */
export function useEditorState(model: FormModel, draft: Draft) {
  const isKnown = useMemo(() => knownKeyTest(model), [model]);
  const initial = useMemo(() => splitConfig(draft.config, isKnown), [draft, isKnown]);
  const form = useForm<ConfigObject>({ defaultValues: initial.known, mode: 'onChange' });
  const [files, setFiles] = useState<Files>(draft.certs);
  const [extra, setExtra] = useState<ConfigObject>(initial.extra);
  const [section, setSection] = useState<string>(draft.section ?? model.sections[0]?.id ?? 'server-tls');
  const [server, setServer] = useState<ServerSettings>(NO_SERVER_SETTINGS);
  // Absent: the server's default release (the draft predates the picker, or the server was not asked yet).
  const [quayVersion, setQuayVersion] = useState<string | undefined>(draft.quayVersion);
  const [releaseChoice, setReleaseChoice] = useState<ReleaseChoice | null>(null);
  const [redisSame, setRedisSameState] = useState(() => redisIsSame(initial.known));
  const state = useRef({ files, extra, section, redisSame, quayVersion });
  state.current = { files, extra, section, redisSame, quayVersion };

  const getConfig = useCallback(() => withSameRedis(assembleConfig(form.getValues(), state.current.extra), state.current.redisSame), [form]);
  const setRedisSame = useCallback(
    (on: boolean) => {
      // Turning it off starts user events from the build-logs values shown until then.
      const source = form.getValues(REDIS_MIRROR.source);
      form.setValue(REDIS_MIRROR.key, source === undefined ? undefined : structuredClone(source), { shouldDirty: true });
      setRedisSameState(on);
    },
    [form],
  );
  const buildBundle = useCallback((): BundleJson => toBundleJson(getConfig(), state.current.files, draft.originalConfigYaml), [getConfig, draft.originalConfigYaml]);

  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const flush = useCallback((): Promise<boolean> => {
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = null;
    return saveDraft({ ...draft, config: getConfig(), certs: state.current.files, section: state.current.section, quayVersion: state.current.quayVersion, savedAt: Date.now() });
  }, [draft, getConfig]);
  const scheduleSave = useCallback(() => {
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => void flush(), 400);
  }, [flush]);

  useEffect(() => {
    scheduleSave();
  }, [files, extra, section, redisSame, quayVersion, scheduleSave]);
  useEffect(() => {
    // Sealing is asynchronous: a save started here usually ends before the page goes (the debounced one already ran).
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    return () => window.removeEventListener('pagehide', onHide);
  }, [flush]);
  // The server's settings, asked for once; validation waits for them, as a click on "Validate all"
  // can come before they arrive and the operator's view of the bundle depends on them.
  const settings = useRef<Promise<ServerSettings> | null>(null);
  const serverSettings = useCallback((): Promise<ServerSettings> => {
    settings.current ??= apiJson<ServerConfigResponse>('/api/v2/config').then(
      (res) => {
        const got: ServerSettings = { readonlyGroups: new Set(res.readonlyGroups), operatorEndpoint: res.operatorEndpoint === true };
        setServer(got);
        if (Array.isArray(res.quayReleases) && typeof res.defaultQuayVersion === 'string') setReleaseChoice({ releases: res.quayReleases, defaultRelease: res.defaultQuayVersion });
        return got;
      },
      () => {
        // Without the server's settings nothing is read-only; validation still reports managed
        // groups. The next validation asks again.
        settings.current = null;
        return NO_SERVER_SETTINGS;
      },
    );
    return settings.current;
  }, []);
  useEffect(() => {
    void serverSettings();
  }, [serverSettings]);

  const groupOf = useMemo(() => {
    const byKey = new Map(model.keys.map((k) => [k.key, k.group]));
    const oidc = model.oidc ? new RegExp(model.oidc.pattern, 'u') : null;
    return (key: string): string | undefined => byKey.get(key) ?? FILE_GROUPS[key] ?? (oidc?.test(key) ? 'OIDC' : undefined);
  }, [model]);
  const isReadOnly = useCallback(
    (key: string) => {
      const g = groupOf(key);
      return g !== undefined && server.readonlyGroups.has(g);
    },
    [groupOf, server],
  );

  const setFile = useCallback((name: string, content: string | undefined) => {
    setFiles((f) => {
      const next = { ...f };
      if (content === undefined) delete next[name];
      else next[name] = content;
      return next;
    });
  }, []);

  return {
    form,
    files,
    setFile,
    setFiles,
    extra,
    setExtra,
    section,
    setSection,
    getConfig,
    buildBundle,
    flush,
    scheduleSave,
    groupOf,
    isReadOnly,
    readonlyGroups: server.readonlyGroups,
    operatorEndpoint: server.operatorEndpoint,
    serverSettings,
    redisSame,
    setRedisSame,
    quayVersion,
    setQuayVersion,
    releaseChoice,
  };
}

/** What `useEditorState` returns. */
export type EditorState = ReturnType<typeof useEditorState>;
