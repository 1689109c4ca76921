'use client';

import { useController, useFormContext, type FieldPath } from 'react-hook-form';
import type { ConfigObject } from '@/components/editor/editor-types';

/**
 * react-hook-form's controller for a key path of the config. Every widget goes through it, so
 * values keep their JSON types (numbers stay numbers, an emptied field removes the key).
 */
export function useConfigField(path: string) {
  const { control } = useFormContext<ConfigObject>();
  return useController<ConfigObject>({ control, name: path as FieldPath<ConfigObject> });
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
