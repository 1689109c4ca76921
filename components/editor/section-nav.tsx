'use client';

import { CheckIcon } from '@/components/ui/icons';
import type { ModelSection } from './form-model';
import type { SectionStatus } from './use-findings';

/** Sidebar headings: the sections fall into four groups an administrator thinks in. */
const GROUPS: { title: string; ids: string[] }[] = [
  { title: 'Essentials', ids: ['server-tls', 'database', 'redis', 'storage'] },
  { title: 'Users and login', ids: ['authentication', 'ldap', 'keystone', 'jwt', 'oidc', 'external-login', 'access'] },
  { title: 'Services', ids: ['security-scanner', 'email', 'action-logs', 'repo-mirroring', 'builds'] },
  { title: 'Registry', ids: ['time-machine', 'user-visible', 'features', 'advanced'] },
];

/** The section list with each section's state: errors, warnings, or validated. */
export function SectionNav({
  sections,
  status,
  current,
  onSelect,
  open,
}: {
  sections: readonly ModelSection[];
  status: ReadonlyMap<string, SectionStatus>;
  current: string;
  onSelect(id: string): void;
  open: boolean;
}) {
  const byId = new Map(sections.map((s) => [s.id, s]));
  const listed = new Set(GROUPS.flatMap((g) => g.ids));
  const groups = [...GROUPS, { title: 'More', ids: sections.map((s) => s.id).filter((id) => !listed.has(id)) }].filter((g) => g.ids.some((id) => byId.has(id)));
  return (
    <nav className={open ? 'nav nav--open' : 'nav'} aria-label="Configuration sections" id="section-nav">
      {groups.map((g) => (
        <div key={g.title} className="nav__group">
          <div className="nav__heading">{g.title}</div>
          <ul>
            {g.ids.map((id) => {
              const s = byId.get(id);
              if (!s) return null;
              const st = status.get(id);
              const label = st?.errors ? `${st.errors} error${st.errors === 1 ? '' : 's'}` : st?.warnings ? `${st.warnings} warning${st.warnings === 1 ? '' : 's'}` : st?.passed ? 'validated' : '';
              return (
                <li key={id}>
                  <button type="button" className="nav__item" aria-current={current === id ? 'page' : undefined} onClick={() => onSelect(id)} data-testid={`nav-${id}`}>
                    <span className="nav__title">{s.title}</span>
                    {st?.errors ? (
                      <span className="nav__count nav__count--error" aria-hidden="true">
                        {st.errors}
                      </span>
                    ) : st?.warnings ? (
                      <span className="nav__count nav__count--warning" aria-hidden="true">
                        {st.warnings}
                      </span>
                    ) : st?.passed ? (
                      <span className="nav__ok" aria-hidden="true">
                        <CheckIcon size={14} />
                      </span>
                    ) : null}
                    {label ? <span className="visually-hidden">, {label}</span> : null}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
