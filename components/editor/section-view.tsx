'use client';

import { useEffect, useMemo, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { FieldIssues } from '@/components/form/field-issues';
import { FormEnvProvider, useFormEnv } from '@/components/form/form-env';
import { SchemaField } from '@/components/form/schema-field';
import { Button } from '@/components/ui/button';
import { ChevronDownIcon, ChevronRightIcon, PlayIcon } from '@/components/ui/icons';
import type { ConfigObject } from './editor-types';
import { placeFindings, renderedPaths, targetOf, type GroupFinding } from './findings';
import type { FormModel, ModelSection } from './form-model';
import { sectionFields } from './section-specs';
import { SectionExtras } from './section-extras';
import { SectionEmpty } from './section-empty';

/** Sections whose helper card comes before the fields (the others have it after). */
const TOP_EXTRAS = new Set(['security-scanner', 'redis']);

/** A request to bring a finding's field into view (from the summary). */
export interface FocusRequest {
  fields: readonly string[];
  stage?: string;
  nonce: number;
}

/**
 * One section: its fields (filtered by `showIf`), findings placed on the fields they name, the
 * ones that match no field in a list at the top, and "Validate section".
 */
export function SectionView({
  model,
  section,
  findings,
  running,
  onValidate,
  focus,
  onNavigate,
}: {
  model: FormModel;
  section: ModelSection;
  findings: readonly GroupFinding[];
  running: boolean;
  onValidate(): void;
  focus: FocusRequest | null;
  onNavigate(section: string): void;
}) {
  const { control } = useFormContext<ConfigObject>();
  const values = useWatch({ control }) as ConfigObject;
  const env = useFormEnv();
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const fields = useMemo(() => sectionFields(model, section.id, values), [model, section.id, values]);
  const extraKeys = useMemo(() => new Set(Object.keys(env.extra)), [env.extra]);
  const paths = useMemo(() => renderedPaths([...fields.primary, ...fields.advanced], values, model), [fields, values, model]);
  const placed = useMemo(() => placeFindings(findings, paths, extraKeys), [findings, paths, extraKeys]);
  const advancedPaths = useMemo(() => renderedPaths(fields.advanced, values, model), [fields.advanced, values, model]);
  const advancedHasIssues = [...placed.at.keys()].some((p) => advancedPaths.has(p));

  const scoped = useMemo(
    () => ({
      ...env,
      issuesAt: (path: string) => placed.at.get(path) ?? [],
      issuesUnder: (path: string) => [...placed.at].filter(([p]) => p === path || p.startsWith(`${path}.`) || p.startsWith(`${path}[`)).flatMap(([, f]) => f),
    }),
    [env, placed],
  );

  useEffect(() => {
    if (!focus) return;
    const target = targetOf(focus, paths, extraKeys);
    if (target && advancedPaths.has(target)) setAdvancedOpen(true);
    const frame = requestAnimationFrame(() => requestAnimationFrame(() => focusPath(target)));
    return () => cancelAnimationFrame(frame);
    // Runs once per request (nonce), not on every keystroke that changes the paths; the values it
    // reads are those of the render that carried the new request.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- deliberately keyed on the request's nonce alone
  }, [focus?.nonce]);

  const open = advancedOpen || advancedHasIssues;
  return (
    <FormEnvProvider value={scoped}>
      <section className="section" aria-labelledby="section-title" data-section={section.id}>
        <header className="section__head">
          <div className="grow">
            <h1 id="section-title" tabIndex={-1}>
              {section.title}
            </h1>
            <p className="muted">{section.description}</p>
          </div>
          {/* aria-disabled, not disabled: a disabled button drops the keyboard focus to the page body. */}
          <Button onClick={running ? undefined : onValidate} aria-disabled={running || undefined} title={`Checks: ${section.groups.join(', ')}`} data-testid="validate-section">
            <PlayIcon size={13} /> Validate section
          </Button>
        </header>
        {placed.unplaced.length ? (
          <div className="card section__unplaced" id="section-unplaced" tabIndex={-1}>
            <h2 className="section__unplaced-title">Problems in this section</h2>
            <FieldIssues issues={placed.unplaced} />
          </div>
        ) : null}
        {TOP_EXTRAS.has(section.id) ? <SectionExtras sectionId={section.id} onNavigate={onNavigate} /> : null}
        {fields.primary.length === 0 && fields.advanced.length === 0 ? <SectionEmpty sectionId={section.id} onNavigate={onNavigate} /> : null}
        {fields.primary.length ? (
          <div className="card fields">
            {fields.primary.map((spec) => (
              <SchemaField key={spec.path} spec={spec} />
            ))}
          </div>
        ) : null}
        {fields.advanced.length ? (
          <div className="advanced">
            <button type="button" className="advanced__toggle" aria-expanded={open} onClick={() => setAdvancedOpen(!open)}>
              {open ? <ChevronDownIcon size={16} /> : <ChevronRightIcon size={16} />}
              Advanced settings <span className="muted">({fields.advanced.length})</span>
            </button>
            {open ? (
              <div className="card fields">
                {fields.advanced.map((spec) => (
                  <SchemaField key={spec.path} spec={spec} />
                ))}
              </div>
            ) : null}
          </div>
        ) : null}
        {!TOP_EXTRAS.has(section.id) ? <SectionExtras sectionId={section.id} onNavigate={onNavigate} /> : null}
      </section>
    </FormEnvProvider>
  );
}

/** Scrolls to the field shown at `path` and focuses its first control (or the section's problem list). */
function focusPath(path: string | null): void {
  const row = path ? document.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`) : null;
  const target = row ?? document.getElementById('section-unplaced') ?? document.getElementById('section-title');
  if (!target) return;
  target.scrollIntoView({ block: 'center', behavior: 'smooth' });
  const control = row?.querySelector<HTMLElement>('input:not([type=hidden]):not([hidden]), select, textarea, button');
  (control ?? target).focus({ preventScroll: true });
}
