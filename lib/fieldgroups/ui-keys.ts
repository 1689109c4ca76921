import { ownerOfKey } from './index';
import type { FieldGroupId } from '../report/types';
import { UI_SECTIONS, uiKeyNames, uiMetaFor, type SectionId, type UiKey } from '../schema/ui-meta';

export { UI_SECTIONS, storageEngineNames, storageEngineUi, type ShowIf, type UiField, type UiKey, type UiSection, type Widget } from '../schema/ui-meta';

/** A key as the wizard renders it: its UI metadata plus the field group that validates it. */
export interface KeyUi extends UiKey {
  key: string;
  /** The owning field group; keys no group owns are checked by the Schema group. */
  group: FieldGroupId;
}

/**
 * UI metadata of one top-level key with its owning group, or undefined for keys ui.json does not know.
 * Server-side (it reads the group registry); pass the results to client components as props.
 */
export function uiForKey(key: string): KeyUi | undefined {
  const meta = uiMetaFor(key);
  return meta ? { ...meta, key, group: ownerOfKey(key) ?? 'Schema' } : undefined;
}

const sectionRank = new Map(UI_SECTIONS.map((s, i) => [s.id, i]));

/** Every described key in wizard order: by section, then by `order`. */
export function uiKeys(): KeyUi[] {
  return uiKeyNames
    .flatMap((key) => {
      const ui = uiForKey(key);
      return ui ? [ui] : [];
    })
    .sort((a, b) => (sectionRank.get(a.section) ?? 0) - (sectionRank.get(b.section) ?? 0) || a.order - b.order);
}

/** The keys of one section in display order. */
export function uiKeysInSection(section: SectionId): KeyUi[] {
  return uiKeys().filter((k) => k.section === section);
}
