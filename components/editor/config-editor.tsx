'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { Spinner } from '@/components/ui/spinner';
import { FRESH_FLAG, loadDraft, type Draft } from './draft-store';
import { EditorWorkspace } from './editor-workspace';
import type { FormModel } from './form-model';

/**
 * The editor's client root: opens the draft kept in this browser (there is always one — the start
 * screen creates it; it is sealed, so opening asks the server for its key), then hands it to the workspace. No draft: back to the start screen.
 */
export function ConfigEditor({ model }: { model: FormModel }) {
  const router = useRouter();
  const [loaded, setLoaded] = useState<{ draft: Draft; restored: boolean } | null>(null);
  useEffect(() => {
    let cancelled = false;
    void loadDraft().then((draft) => {
      if (cancelled) return;
      if (!draft) {
        router.replace('/');
        return;
      }
      const fresh = sessionStorage.getItem(FRESH_FLAG) === '1';
      sessionStorage.removeItem(FRESH_FLAG);
      setLoaded({ draft, restored: !fresh });
    });
    return () => {
      cancelled = true;
    };
  }, [router]);
  if (!loaded) {
    return (
      <div className="loading-screen">
        <Spinner label="Opening the configuration…" />
      </div>
    );
  }
  return <EditorWorkspace model={model} draft={loaded.draft} restored={loaded.restored} />;
}
