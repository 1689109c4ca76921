'use client';

import { createContext, useContext } from 'react';

/** Tabs of the keys and certificates dialog. */
export type KeysTab = 'psk' | 'service-key' | 'tls' | 'certificates' | 'clair';

/** Editor-wide actions that deep components (section helpers) can trigger. */
export interface EditorActions {
  openKeys(tab?: KeysTab): void;
  goToSection(id: string): void;
}

const Ctx = createContext<EditorActions>({ openKeys: () => {}, goToSection: () => {} });

/** Provides the editor's actions to its descendants. */
export const EditorActionsProvider = Ctx.Provider;

/** The editor's actions (open the keys dialog, go to a section). */
export function useEditorActions(): EditorActions {
  return useContext(Ctx);
}
