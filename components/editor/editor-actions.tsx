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

export const EditorActionsProvider = Ctx.Provider;

export function useEditorActions(): EditorActions {
  return useContext(Ctx);
}
