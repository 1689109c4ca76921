/** A small indeterminate progress indicator; pass `label` when nothing else says what is loading. */
export function Spinner({ label }: { label?: string }) {
  return label ? (
    <span role="status" className="row">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </span>
  ) : (
    <span className="spinner" aria-hidden="true" />
  );
}
