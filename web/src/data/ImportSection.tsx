// "Bring your history in": choose a file, preview what would happen, then import it.
import { useState } from 'preact/hooks';
import { ApiError, errorMessage } from '../api';
import { dataApi, MAX_UPLOAD_BYTES, toBase64, type ImportReport } from './api';
import { countsSentence, ImportPreview } from './ImportPreview';

const FORMATS = [
  { value: 'auto', label: 'Work it out from the file' },
  { value: 'ours', label: 'A SecureBase export (.zip)' },
  { value: 'daylio', label: 'Daylio (CSV): entries become check-ins' },
  { value: 'jrnl', label: 'jrnl (JSON): entries become reflections' },
  { value: 'csv', label: 'Another CSV file: I will say which column is which' },
];

// The column names on a CSV file's first line (quoted names allowed).
function csvHeader(text: string): string[] {
  const line = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out.filter((h) => h !== '');
}

export function ImportSection({ onImported }: { onImported: (r: ImportReport) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [bytes, setBytes] = useState<Uint8Array | null>(null);
  const [format, setFormat] = useState('auto');
  const [columns, setColumns] = useState<string[]>([]);
  const [map, setMap] = useState<Record<string, string>>({ date: '', time: '', text: '' });
  const [into, setInto] = useState('reflections');
  const [pass, setPass] = useState('');
  const [needsPass, setNeedsPass] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [skip, setSkip] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'preview' | 'apply' | null>(null);

  const choose = async (e: Event) => {
    const f = (e.target as HTMLInputElement).files?.[0] ?? null;
    setReport(null);
    setError(null);
    setFile(f);
    setBytes(null);
    if (!f) return;
    if (f.size > MAX_UPLOAD_BYTES) {
      setError(
        `This file is ${Math.round(f.size / 1024)} KB; the app takes up to ${MAX_UPLOAD_BYTES / 1024} KB. In a terminal, securebase import "${f.name}" takes files of any size.`,
      );
      return;
    }
    const b = new Uint8Array(await f.arrayBuffer());
    setBytes(b);
    const sealed = b.length > 8 && String.fromCharCode(...b.subarray(0, 6)) === 'SBSEAL';
    setNeedsPass(sealed);
    if (f.name.toLowerCase().endsWith('.csv')) {
      const head = csvHeader(new TextDecoder().decode(b.subarray(0, 4096)));
      setColumns(head);
    } else setColumns([]);
  };

  const body = () => {
    const m =
      format === 'csv'
        ? Object.entries(map)
            .filter(([, v]) => v)
            .map(([k, v]) => `${k}=${v}`)
            .join(',')
        : undefined;
    return {
      file_base64: toBase64(bytes!),
      filename: file!.name,
      format,
      ...(m ? { map: m, into } : {}),
      ...(pass ? { passphrase: pass } : {}),
      offset_minutes: -new Date().getTimezoneOffset(),
    };
  };

  const run = async (apply: boolean) => {
    if (!bytes || !file) return setError('Choose a file first.');
    if (format === 'csv' && (!map.date || !map.text)) return setError('Say which column holds the date and which the text.');
    setError(null);
    setBusy(apply ? 'apply' : 'preview');
    try {
      const r = await dataApi.importFile(body(), apply, skip);
      setReport(r);
      if (apply) onImported(r);
    } catch (err) {
      if (err instanceof ApiError) {
        const p = err.problem as Partial<ImportReport> & { detail?: string };
        if (p.rows && p.total) setReport(p as ImportReport);
        const fields = err.fieldErrors();
        if (fields.passphrase) setNeedsPass(true);
        setError(Object.values(fields)[0] ?? p.detail ?? errorMessage(err));
      } else setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const canApply = report && !report.applied && report.total.create > 0 && (report.total.reject === 0 || skip);

  return (
    <section class="card stack data-section" aria-labelledby="import-title">
      <h2 id="import-title">Bring your history in</h2>
      <p>
        From a SecureBase export, from Daylio or jrnl, or from any spreadsheet saved as CSV. First you see what would be
        added; nothing changes until you say so.
      </p>
      <div class="field">
        <label for="import-file">The file to bring in</label>
        <input id="import-file" type="file" accept=".zip,.sealed,.csv,.json,.txt" onChange={choose} />
      </div>
      <div class="field">
        <label for="import-format">What kind of file is it?</label>
        <select id="import-format" value={format} onChange={(e) => setFormat((e.target as HTMLSelectElement).value)}>
          {FORMATS.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
      </div>
      {format === 'csv' && (
        <fieldset class="stack data-map">
          <legend>Which column is which?</legend>
          {columns.length === 0 && <p class="muted small">Choose a CSV file with a header line to pick its columns.</p>}
          {(
            [
              ['date', 'Date (needed)'],
              ['time', 'Time (optional)'],
              ['text', 'Text (needed)'],
            ] as const
          ).map(([field, label]) => (
            <div class="field" key={field}>
              <label for={`map-${field}`}>{label}</label>
              <select id={`map-${field}`} value={map[field]} onChange={(e) => setMap({ ...map, [field]: (e.target as HTMLSelectElement).value })}>
                <option value="">(none)</option>
                {columns.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <div class="field">
            <label for="map-into">Each row becomes</label>
            <select id="map-into" value={into} onChange={(e) => setInto((e.target as HTMLSelectElement).value)}>
              <option value="reflections">a reflection</option>
              <option value="checkins">a check-in</option>
            </select>
          </div>
        </fieldset>
      )}
      {needsPass && (
        <div class="field">
          <label for="import-pass">This export is locked. Its passphrase:</label>
          <input id="import-pass" type="password" autoComplete="current-password" value={pass} onInput={(e) => setPass((e.target as HTMLInputElement).value)} />
        </div>
      )}
      {error && (
        <p class="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="button" class="button" disabled={!bytes || busy !== null} onClick={() => run(false)}>
          {busy === 'preview' ? 'Checking…' : 'Preview'}
        </button>
      </div>
      {report && (
        <div class="stack" aria-live="polite">
          <h3>{report.applied ? 'Imported' : 'Preview: nothing has changed yet'}</h3>
          <ImportPreview report={report} />
          {!report.applied && report.total.reject > 0 && report.total.create > 0 && (
            <label class="data-check">
              <input type="checkbox" checked={skip} onChange={(e) => setSkip((e.target as HTMLInputElement).checked)} />
              Import the rest and leave out the {report.total.reject} that cannot be imported
            </label>
          )}
          {!report.applied && report.total.create === 0 && (
            <p role="status">Nothing new to import: everything in this file is already here or cannot be read.</p>
          )}
          {!report.applied && report.total.create > 0 && (
            <div class="actions">
              <button type="button" class="button primary" disabled={!canApply || busy !== null} onClick={() => run(true)}>
                {busy === 'apply' ? 'Importing…' : `Import ${report.total.create} ${report.total.create === 1 ? 'record' : 'records'}`}
              </button>
            </div>
          )}
          {report.applied && <p role="status">{countsSentence(report.total, true)}</p>}
        </div>
      )}
    </section>
  );
}
