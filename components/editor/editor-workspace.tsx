'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { FormProvider } from 'react-hook-form';
import { FormEnvProvider } from '@/components/form/form-env';
import { useToast } from '@/components/ui/toast';
import { setUnauthorizedHandler } from './api-client';
import { EditorActionsProvider, type KeysTab } from './editor-actions';
import { EditorHeader } from './editor-header';
import { ExportDialogs, type ExportRequest } from './export-dialogs';
import { clearDraft, type Draft } from './draft-store';
import { topKey, type GroupFinding } from './findings';
import type { FormModel } from './form-model';
import { KeysDialog } from './keys/keys-dialog';
import { operatorView } from './operator-view';
import { RestoreBanner } from './restore-banner';
import { REDIS_MIRROR } from './same-redis';
import { SectionNav } from './section-nav';
import { SectionView, type FocusRequest } from './section-view';
import { useCertInfo } from './use-cert-info';
import { useClientChecks } from './use-client-checks';
import { useEditorState } from './use-editor-state';
import { useFindings } from './use-findings';
import { useFormEnvValue } from './use-form-env';
import { useValidation } from './use-validation';
import { ValidationPanel } from './validation-panel';

/** The editor: masthead, section navigation, the current section's form, the validation panel, dialogs. */
export function EditorWorkspace({ model, draft, restored }: { model: FormModel; draft: Draft; restored: boolean }) {
  const router = useRouter();
  const notify = useToast();
  const st = useEditorState(model, draft);
  const checks = useClientChecks();
  const validation = useValidation(useCallback((m: string) => notify('error', m), [notify]));
  const certInfo = useCertInfo(st.files);
  const findings = useFindings(model, checks.findings, validation.results);
  const env = useFormEnvValue(model, draft, st, certInfo, validation.invalidate);
  const [navOpen, setNavOpen] = useState(false);
  const [keys, setKeys] = useState<{ open: boolean; tab: KeysTab }>({ open: false, tab: 'psk' });
  const [exporting, setExporting] = useState<ExportRequest>(null);
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  const [banner, setBanner] = useState(restored);
  const { form, getConfig, scheduleSave, flush, setSection, redisSame, setRedisSame } = st;
  const { schedule } = checks;
  const { invalidate } = validation;

  useEffect(
    () =>
      form.subscribe({
        formState: { values: true },
        callback: ({ name }) => {
          scheduleSave();
          schedule(getConfig);
          if (name) invalidate(name);
          // Results about user events describe the build-logs values they follow.
          if (name && redisSame && topKey(name) === REDIS_MIRROR.source) invalidate(REDIS_MIRROR.key);
        },
      }),
    [form, scheduleSave, schedule, getConfig, invalidate, redisSame],
  );
  useEffect(() => schedule(getConfig), [st.files, st.extra, schedule, getConfig]);
  useEffect(() => {
    setUnauthorizedHandler(() => {
      // The key of a sealed draft may still be cached: save first, then go to the login page.
      void flush().finally(() => window.location.assign('/login?next=%2Feditor&expired=1'));
    });
  }, [flush]);

  useEffect(() => {
    if (!navOpen) return;
    const close = (e: KeyboardEvent) => e.key === 'Escape' && setNavOpen(false);
    window.addEventListener('keydown', close);
    return () => window.removeEventListener('keydown', close);
  }, [navOpen]);
  const goToSection = useCallback(
    (id: string) => {
      setSection(id);
      setNavOpen(false);
      requestAnimationFrame(() => document.getElementById('section-title')?.focus());
    },
    [setSection],
  );
  const actions = useMemo(() => ({ openKeys: (tab?: KeysTab) => setKeys((k) => ({ open: true, tab: tab ?? k.tab })), goToSection, setRedisSame }), [goToSection, setRedisSame]);
  const validate = async (scope: string | null) => {
    await checks.runNow(getConfig());
    const groups = scope ? model.sections.find((s) => s.id === scope)?.groups : undefined;
    const quayVersion = st.quayVersion ?? st.releaseChoice?.defaultRelease;
    const server = await st.serverSettings();
    if (server.operatorEndpoint) {
      // Judged as the operator will judge what "Reconfigure Quay" sends it.
      const seen = operatorView(st.buildBundle(), server.readonlyGroups, st.groupOf);
      await validation.start(seen.bundle, scope, groups, { quayVersion, managed: seen.managed });
    } else {
      await validation.start(st.buildBundle(), scope, groups, { quayVersion });
    }
  };
  const pickRelease = (release: string) => {
    st.setQuayVersion(release);
    validation.reset();
    notify('info', `Verdicts are now for Quay ${release}: validate again to see them.`);
  };
  const goTo = (f: GroupFinding) => {
    setSection(findings.homeOf(f));
    setNavOpen(false);
    setFocus({ fields: f.fields, stage: f.stage, nonce: Date.now() });
  };
  const section = model.sections.find((s) => s.id === st.section) ?? model.sections[0];
  const titleOf = (f: GroupFinding) => model.sections.find((s) => s.id === findings.homeOf(f))?.title ?? '';
  const running = validation.run?.status === 'running';

  return (
    <FormProvider {...form}>
      <FormEnvProvider value={env}>
        <EditorActionsProvider value={actions}>
          <div className="editor">
            <a href="#main" className="skip-link">
              Skip to the form
            </a>
            <EditorHeader
              draft={draft}
              release={st.releaseChoice ? { choice: st.releaseChoice, value: st.quayVersion ?? st.releaseChoice.defaultRelease, onChange: pickRelease } : undefined}
              running={running}
              navOpen={navOpen}
              onToggleNav={() => setNavOpen((o) => !o)}
              onKeys={() => actions.openKeys()}
              onValidateAll={() => void validate(null)}
              onDownload={() => setExporting({ kind: 'download', bundle: st.buildBundle() })}
              onReconfigure={st.operatorEndpoint ? () => setExporting({ kind: 'reconfigure', bundle: st.buildBundle() }) : undefined}
            />
            <div className="editor__body">
              <SectionNav sections={model.sections} status={findings.status} current={st.section} onSelect={goToSection} open={navOpen} />
              {navOpen ? <button type="button" className="nav-scrim" aria-label="Close the section list" onClick={() => setNavOpen(false)} /> : null}
              <main id="main" className="editor__main">
                {banner ? (
                  <RestoreBanner
                    savedAt={draft.savedAt}
                    onDismiss={() => setBanner(false)}
                    onDiscard={() => {
                      clearDraft();
                      router.push('/');
                    }}
                  />
                ) : null}
                {section ? (
                  <SectionView
                    key={section.id}
                    model={model}
                    section={section}
                    findings={findings.bySection.get(section.id) ?? []}
                    running={running}
                    onValidate={() => void validate(section.id)}
                    focus={focus}
                    onNavigate={goToSection}
                  />
                ) : null}
              </main>
              <ValidationPanel run={validation.run} findings={findings.all} sectionTitle={titleOf} onCancel={validation.cancel} onGoTo={goTo} />
            </div>
          </div>
          <KeysDialog open={keys.open} tab={keys.tab} onTab={(tab) => setKeys({ open: true, tab })} onClose={() => setKeys((k) => ({ ...k, open: false }))} />
          <ExportDialogs
            request={exporting}
            onRequest={setExporting}
            draft={draft}
            st={st}
            errors={findings.all.filter((f) => f.severity === 'error').length}
            validated={validation.run?.status === 'done' && validation.run.scope === null}
            running={running}
            onValidateAll={() => void validate(null)}
          />
        </EditorActionsProvider>
      </FormEnvProvider>
    </FormProvider>
  );
}
