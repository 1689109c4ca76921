import type { Metadata } from 'next';
import { ConfigEditor } from '@/components/editor/config-editor';
import { buildFormModel } from '@/components/editor/build-form-model';

export const metadata: Metadata = { title: 'Editor · Quay config' };

/**
 * `/editor`: the configuration editor. The form model (schema + UI metadata + field groups) is
 * built here on the server, once at build time, and handed to the client root as props.
 */
export default function EditorPage() {
  return <ConfigEditor model={buildFormModel()} />;
}
