'use client';

import type { ExportChoice, SecretTarget } from './bundle-export';
import { secretTargetProblems } from './bundle-export';

type Format = ExportChoice['format'];

/**
 * The download's format: the tarball, or a Kubernetes Secret for the Quay operator with its
 * name and namespace checked as Kubernetes checks them, as you type.
 */
export function DownloadFormat({ format, onFormat, target, onTarget }: { format: Format; onFormat(format: Format): void; target: SecretTarget; onTarget(target: SecretTarget): void }) {
  const problems = secretTargetProblems(target);
  const name = target.name.trim() || 'quay-config-bundle';
  return (
    <fieldset className="choices" data-testid="download-format">
      <legend className="choices__legend">Format</legend>
      <label className="choice">
        <input type="radio" name="download-format" value="tarball" checked={format === 'tarball'} onChange={() => onFormat('tarball')} aria-describedby="format-tarball-help" />
        <span className="choice__text">
          <strong className="mono">quay-config.tar.gz</strong>
          <span id="format-tarball-help" className="muted">
            Unpack into <code>/conf/stack</code> of a Quay container.
          </span>
        </span>
      </label>
      <label className="choice">
        <input type="radio" name="download-format" value="k8s-secret" checked={format === 'k8s-secret'} onChange={() => onFormat('k8s-secret')} aria-describedby="format-secret-help" />
        <span className="choice__text">
          <strong>
            Kubernetes Secret (operator <code>configBundleSecret</code>)
          </strong>
          <span id="format-secret-help" className="muted">
            A manifest for the Quay operator: one Secret key per file, CA certificates as <code>extra_ca_cert_*</code>.
          </span>
        </span>
      </label>
      {format === 'k8s-secret' ? (
        <div className="choice__details stack stack--tight">
          <div className="form-grid">
            <div className="field">
              <label className="field__label" htmlFor="secret-name">
                Secret name
              </label>
              <input
                id="secret-name"
                className="input mono"
                value={target.name}
                spellCheck={false}
                autoComplete="off"
                aria-invalid={problems.name ? true : undefined}
                aria-describedby={problems.name ? 'secret-name-problem' : undefined}
                onChange={(e) => onTarget({ ...target, name: e.target.value })}
              />
              {problems.name ? (
                <p id="secret-name-problem" className="field__problem" role="alert">
                  Name {problems.name}.
                </p>
              ) : null}
            </div>
            <div className="field">
              <label className="field__label" htmlFor="secret-namespace">
                Namespace <span className="muted">(optional)</span>
              </label>
              <input
                id="secret-namespace"
                className="input mono"
                value={target.namespace}
                placeholder="quay-enterprise"
                spellCheck={false}
                autoComplete="off"
                aria-invalid={problems.namespace ? true : undefined}
                aria-describedby={problems.namespace ? 'secret-namespace-problem' : undefined}
                onChange={(e) => onTarget({ ...target, namespace: e.target.value })}
              />
              {problems.namespace ? (
                <p id="secret-namespace-problem" className="field__problem" role="alert">
                  Namespace {problems.namespace}.
                </p>
              ) : null}
            </div>
          </div>
          <p className="muted">
            Apply it with <code>kubectl apply -f {name}.yaml</code>
            {target.namespace.trim() ? null : (
              <>
                {' '}
                <code>-n &lt;namespace&gt;</code>
              </>
            )}
            , then set <code>spec.configBundleSecret: {name}</code> in the QuayRegistry.
          </p>
        </div>
      ) : null}
    </fieldset>
  );
}
