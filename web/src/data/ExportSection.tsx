// "Take everything with you": the export download, plain or encrypted.
import { useState } from 'preact/hooks';
import { ApiError, errorMessage } from '../api';
import { dataApi } from './api';

export function ExportSection() {
  const [encrypt, setEncrypt] = useState(false);
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const downloadSealed = async (e: Event) => {
    e.preventDefault();
    setDone(null);
    if (pass.length < 8) return setError('Use a passphrase of at least 8 characters.');
    if (pass !== again) return setError('The two passphrases are not the same.');
    setError(null);
    setBusy(true);
    try {
      const { blob, name } = await dataApi.sealedExport(pass);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setDone(`Saved ${name}. Keep the passphrase somewhere safe.`);
      setPass('');
      setAgain('');
    } catch (err) {
      setError(err instanceof ApiError ? Object.values(err.fieldErrors())[0] ?? errorMessage(err) : errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card stack data-section" aria-labelledby="export-title">
      <h2 id="export-title">Take everything with you</h2>
      <p>
        One .zip file with everything you have kept here: a complete copy that SecureBase can read back, spreadsheets
        (CSV) of each kind of record, and your questionnaires in FHIR, the format health records use.
      </p>
      <p class="muted small">It holds your own words about your life. Keep it somewhere private.</p>
      <label class="data-check">
        <input type="checkbox" checked={encrypt} onChange={(e) => setEncrypt((e.target as HTMLInputElement).checked)} />
        Lock it with a passphrase
      </label>
      {!encrypt && (
        <div class="actions">
          <a class="button primary" href="/api/v1/export.zip" download>
            Download everything (.zip)
          </a>
        </div>
      )}
      {encrypt && (
        <form class="stack" onSubmit={downloadSealed} noValidate>
          <p class="notice data-warning" role="note">
            If you lose the passphrase, nobody can open the file again, not even SecureBase. Write it down somewhere
            safe.
          </p>
          {error && (
            <p class="notice notice-error" role="alert">
              {error}
            </p>
          )}
          <div class="field">
            <label for="export-pass">Passphrase (at least 8 characters)</label>
            <input id="export-pass" type="password" autoComplete="new-password" value={pass} onInput={(e) => setPass((e.target as HTMLInputElement).value)} />
          </div>
          <div class="field">
            <label for="export-pass-again">The same passphrase again</label>
            <input id="export-pass-again" type="password" autoComplete="new-password" value={again} onInput={(e) => setAgain((e.target as HTMLInputElement).value)} />
          </div>
          <div class="actions">
            <button type="submit" class="button primary" disabled={busy}>
              {busy ? 'Locking the file…' : 'Download locked file'}
            </button>
          </div>
        </form>
      )}
      {done && (
        <p class="notice" role="status">
          {done}
        </p>
      )}
    </section>
  );
}
