'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { Finding } from '@/lib/report/types';
import type { ServerConfigResponse } from '@/lib/api/contract';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FileDrop } from '@/components/ui/file-drop';
import { useHydrated } from '@/components/ui/use-hydrated';
import { CheckIcon, PlusIcon, UploadIcon } from '@/components/ui/icons';
import { apiJson, describeError } from './api-client';
import { FRESH_FLAG, clearDraft, describeAge, hasDraft, loadDraft, saveDraft, type Draft } from './draft-store';
import { DraftCard } from './draft-card';
import { ReleasePicker } from './release-picker';
import { draftFromBundle, newDraft, parseUpload } from './start-actions';
import { UploadNotes } from './upload-notes';

/**
 * The start screen: continue a draft, start a new configuration, modify an uploaded
 * `quay-config.tar.gz`, or edit the bundle the server was started with.
 */
export function StartScreen() {
  const router = useRouter();
  const hydrated = useHydrated();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [server, setServer] = useState<ServerConfigResponse | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<{ title: string; message: string } | null>(null);
  const [pending, setPending] = useState<{ draft: Draft; findings: Finding[] } | null>(null);
  const [replacing, setReplacing] = useState<{ draft: Draft; findings: Finding[] } | null>(null);
  // The release the new draft is judged for; the server's default until the administrator picks one.
  const [release, setRelease] = useState<string | null>(null);

  // Until hydrated, the actions below have no handlers yet: they stay disabled.
  const idle = hydrated && busy === null;

  useEffect(() => {
    void loadDraft().then(setDraft);
    apiJson<ServerConfigResponse>('/api/v2/config').then(setServer, () => setServer(null));
  }, []);

  const open = async (picked: Draft) => {
    const chosen = release ?? server?.defaultQuayVersion;
    const d = chosen ? { ...picked, quayVersion: chosen } : picked;
    if (!(await saveDraft(d))) {
      setError({ title: 'Cannot keep a draft', message: 'This browser refused to store the draft (private mode or storage full).' });
      return;
    }
    sessionStorage.setItem(FRESH_FLAG, '1');
    router.push('/editor');
  };
  const run = async (label: string, title: string, fn: () => Promise<void>) => {
    setBusy(label);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError({ title, message: describeError(e) });
    } finally {
      setBusy(null);
    }
  };
  const upload = (file: File) =>
    run('upload', `Could not read ${file.name}`, async () => {
      const bundle = await parseUpload(file);
      const d = draftFromBundle(bundle, 'upload', file.name);
      // An upload must not silently replace the work kept in this browser.
      if (draft || hasDraft()) setReplacing({ draft: d, findings: bundle.findings });
      else await proceed(d, bundle.findings);
    });
  const proceed = async (d: Draft, findings: Finding[]) => {
    if (findings.length) setPending({ draft: d, findings });
    else await open(d);
  };

  return (
    <div className="start">
      <div className="start__intro">
        <h1>Configure your Quay registry</h1>
        <p className="muted">
          Build a <code>config.yaml</code>, check it against your real database, Redis, storage and identity provider, and download it as <code>quay-config.tar.gz</code>.
        </p>
        {server ? (
          <p className="start__release">
            <ReleasePicker choice={{ releases: server.quayReleases, defaultRelease: server.defaultQuayVersion }} value={release ?? server.defaultQuayVersion} onChange={setRelease} />
            <span className="muted">Verdicts follow what this release of Quay accepts at boot; you can change it later in the editor.</span>
          </p>
        ) : null}
      </div>
      {draft ? (
        <DraftCard
          draft={draft}
          onContinue={() => router.push('/editor')}
          onDiscard={() => {
            clearDraft();
            setDraft(null);
          }}
        />
      ) : null}
      {error ? (
        <Alert tone="error" role="alert" title={error.title}>
          <span data-testid="upload-error">{error.message}</span>
        </Alert>
      ) : null}
      {replacing ? (
        <div data-testid="replace-draft">
          <Alert
            tone="warning"
            role="alert"
            title="Replace the draft kept in this browser?"
            actions={
              <>
                <Button variant="ghost" onClick={() => setReplacing(null)}>
                  Keep my draft
                </Button>
                <Button
                  variant="primary"
                  onClick={() => {
                    const r = replacing;
                    setReplacing(null);
                    void proceed(r.draft, r.findings);
                  }}
                >
                  Replace the draft
                </Button>
              </>
            }
          >
            Opening {replacing.draft.sourceName ?? 'this bundle'} replaces the draft{draft ? ` saved ${describeAge(draft.savedAt)}` : ''}. Download that one first if you still need it.
          </Alert>
        </div>
      ) : null}
      {pending ? <UploadNotes findings={pending.findings} onContinue={() => void open(pending.draft)} onCancel={() => setPending(null)} /> : null}
      <div className="start__grid">
        <section className="card tile" aria-labelledby="tile-new">
          <div className="tile__icon">
            <PlusIcon size={22} />
          </div>
          <h2 id="tile-new">New configuration</h2>
          <p className="muted">Start from Quay&apos;s recommended defaults and fill in what is specific to your site.</p>
          <ul className="checklist">
            <li>
              <CheckIcon size={14} /> SECRET_KEY and DATABASE_SECRET_KEY generated for you
            </li>
            <li>
              <CheckIcon size={14} /> Host name and TLS, database, Redis, storage, login
            </li>
            <li>
              <CheckIcon size={14} /> Checked live against your services before download
            </li>
          </ul>
          {draft ? <p className="tile__note">Replaces the draft above.</p> : null}
          <div className="tile__actions">
            <Button variant="primary" size="lg" disabled={!idle} onClick={() => run('new', 'Could not start a new configuration', async () => open(await newDraft()))}>
              {busy === 'new' ? 'Preparing…' : 'Start a new configuration'}
            </Button>
          </div>
        </section>
        <section className="card tile" aria-labelledby="tile-upload">
          <div className="tile__icon">
            <UploadIcon size={22} />
          </div>
          <h2 id="tile-upload">Modify an existing configuration</h2>
          <p className="muted">
            Upload the <code>quay-config.tar.gz</code> bundle (or a lone <code>config.yaml</code>). Unknown keys, comments and certificates are kept.
          </p>
          <FileDrop
            onFile={upload}
            accept=".tar.gz,.tgz,.tar,.gz,.yaml,.yml,application/gzip"
            buttonLabel={busy === 'upload' ? 'Reading…' : 'Choose a bundle'}
            disabled={!idle}
            hint="quay-config.tar.gz, .tgz, .tar or config.yaml"
          />
        </section>
      </div>
      {server?.bundle ? (
        <section className="card tile tile--wide" aria-labelledby="tile-preloaded">
          <div className="grow">
            <h2 id="tile-preloaded">Configuration loaded by the server</h2>
            <p className="muted">
              quay-config was started with <code>--config-dir</code>: edit that bundle.
            </p>
          </div>
          <Button size="lg" onClick={() => server.bundle && void open(draftFromBundle(server.bundle, 'preloaded', 'server bundle'))}>
            Edit the server&apos;s configuration
          </Button>
        </section>
      ) : null}
    </div>
  );
}
