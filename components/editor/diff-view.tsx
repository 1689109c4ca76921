import type { DiffEntry } from './config-diff';

const KIND: Record<DiffEntry['kind'], string> = { added: 'Added', removed: 'Removed', changed: 'Changed' };

/** The list of changes against the uploaded bundle; secret values are never shown. */
export function DiffView({ entries, files }: { entries: readonly DiffEntry[]; files: readonly { name: string; kind: DiffEntry['kind'] }[] }) {
  if (entries.length === 0 && files.length === 0) return <p className="muted">No change against the uploaded bundle: it will come out byte for byte.</p>;
  return (
    <div className="table-wrap diff">
      <table className="table" data-testid="diff">
        <thead>
          <tr>
            <th scope="col">Key or file</th>
            <th scope="col">Change</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.path} className={`diff__row diff__row--${e.kind}`}>
              <td className="mono">{e.path}</td>
              <td>{KIND[e.kind]}</td>
              {e.secret ? (
                <td colSpan={2} className="muted">
                  secret value {e.kind === 'changed' ? 'changed' : e.kind === 'added' ? 'set' : 'removed'} (not shown)
                </td>
              ) : (
                <>
                  <td className="mono diff__val">{e.before}</td>
                  <td className="mono diff__val">{e.after}</td>
                </>
              )}
            </tr>
          ))}
          {files.map((f) => (
            <tr key={`file:${f.name}`} className={`diff__row diff__row--${f.kind}`}>
              <td className="mono">{f.name}</td>
              <td>{KIND[f.kind]}</td>
              <td colSpan={2} className="muted">
                file
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
