'use client';

import { useId } from 'react';

/** What the picker offers: the server's releases (oldest first) and the one it judges for by default. */
export interface ReleaseChoice {
  releases: readonly string[];
  defaultRelease: string;
}

function optionLabel(release: string, defaultRelease: string): string {
  if (release === 'head') return 'head (unreleased)';
  return release === defaultRelease ? `${release} (newest)` : release;
}

/**
 * The Quay release the verdicts are judged for (`quayVersion`): a key Quay 3.9 does not know, or a
 * rule that changed between releases, gets that release's verdict. Newest first, as people look for
 * what they run.
 */
export function ReleasePicker({ choice, value, onChange, tone = 'light' }: { choice: ReleaseChoice; value: string; onChange(release: string): void; tone?: 'light' | 'masthead' }) {
  const id = useId();
  const releases = choice.releases.includes(value) ? choice.releases : [...choice.releases, value];
  return (
    <span className={`release-picker release-picker--${tone}`}>
      <label htmlFor={id} className={tone === 'masthead' ? 'release-picker__label masthead__label' : 'release-picker__label'}>
        Quay release
      </label>
      <select id={id} className="select release-picker__select" value={value} onChange={(e) => onChange(e.target.value)} data-testid="quay-release">
        {[...releases].reverse().map((r) => (
          <option key={r} value={r}>
            {tone === 'masthead' ? r : optionLabel(r, choice.defaultRelease)}
          </option>
        ))}
      </select>
    </span>
  );
}
