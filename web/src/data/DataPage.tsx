// /data: your data is yours. Export everything, or bring history in from elsewhere.
import { useTitle } from '../hooks';
import { useToast } from '../components/Toast';
import { ExportSection } from './ExportSection';
import { ImportSection } from './ImportSection';

export function DataPage() {
  useTitle('Your data');
  const toast = useToast();
  return (
    <div class="page data-page stack">
      <h1>Your data</h1>
      <p class="lead">
        Everything you write here stays on this computer and belongs to you. Take all of it with you whenever you like,
        or bring in what you kept somewhere else.
      </p>
      <div class="data-grid">
        <ExportSection />
        <ImportSection onImported={(r) => toast({ message: `Imported ${r.total.create} ${r.total.create === 1 ? 'record' : 'records'}.` })} />
      </div>
      <p class="muted small">
        In a terminal: <code>securebase export --encrypt</code> and <code>securebase import FILE</code> do the same, for files of any
        size. Backups of the whole database: <code>securebase backup</code>.
      </p>
    </div>
  );
}
