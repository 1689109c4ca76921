'use client';

import { useEffect, useReducer } from 'react';
import { useController, useFormContext, type FieldPath } from 'react-hook-form';
import type { ConfigObject } from '@/components/editor/editor-types';

/**
 * react-hook-form's controller for a key path of the config. Every widget goes through it, so
 * values keep their JSON types (numbers stay numbers, an emptied field removes the key).
 * `field.value` is read from the form values: the controller's own falls back to the value the
 * field was mounted with once the key is removed, so an emptied field (or one whose parent object
 * was replaced without it) showed a stale value.
 */
export function useConfigField(path: string) {
  const { control, getValues, subscribe } = useFormContext<ConfigObject>();
  const name = path as FieldPath<ConfigObject>;
  const controller = useController<ConfigObject>({ control, name });
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  // Any change at, above or below this path (a parent object replaced, a reset) renders again.
  useEffect(() => subscribe({ name, formState: { values: true }, callback: () => rerender() }), [subscribe, name]);
  const current: unknown = getValues(name);
  // Objects and lists keep the controller's copy: the form values are mutated in place, and
  // widgets compare references to notice a change.
  const value = current === undefined ? undefined : typeof current === 'object' && current !== null ? controller.field.value : current;
  return { ...controller, field: { ...controller.field, value } };
}

/** A value as editable text: strings as is, other scalars stringified, nothing for absent. */
export function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return '';
  }
}
