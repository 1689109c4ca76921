'use client';

import { createContext, useContext } from 'react';

/** Tabs of the keys and certificates dialog. */
export type KeysTab = 'psk' | 'service-key' | 'tls' | 'certificates' | 'clair';

/** Editor-wide actions that deep components (section helpers) can trigger. */
export interface EditorActions {
  openKeys(tab?: KeysTab): void;
  goToSection(id: string): void;
  /** Turns "Use the same Redis for user events" on or off. */
  setRedisSame(on: boolean): void;
}

const Ctx = createContext<EditorActions>({ openKeys: () => {}, goToSection: () => {}, setRedisSame: () => {} });

/** Provides the editor's actions to its descendants. */
export const EditorActionsProvider = Ctx.Provider;

/** The editor's actions (open the keys dialog, go to a section, the same-Redis switch). */
export function useEditorActions(): EditorActions {
  return useContext(Ctx);
}
