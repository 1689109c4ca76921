'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { Spinner } from '@/components/ui/spinner';
import { FRESH_FLAG, loadDraft, type Draft } from './draft-store';
import { EditorWorkspace } from './editor-workspace';
import type { FormModel } from './form-model';

/**
 * The editor's client root: reads the draft kept in this browser (there is always one — the start
 * screen creates it), then hands it to the workspace. No draft: back to the start screen.
 */
export function ConfigEditor({ model }: { model: FormModel }) {
  const router = useRouter();
  const [loaded, setLoaded] = useState<{ draft: Draft; restored: boolean } | null>(null);
  useEffect(() => {
    const draft = loadDraft();
    if (!draft) {
      router.replace('/');
      return;
    }
    const fresh = sessionStorage.getItem(FRESH_FLAG) === '1';
    sessionStorage.removeItem(FRESH_FLAG);
    setLoaded({ draft, restored: !fresh });
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
