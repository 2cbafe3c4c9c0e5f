// The /api/v1/export and /api/v1/import calls.
import { ApiError, request, type Problem } from '../api';

export interface ImportCounts {
  create: number;
  duplicate: number;
  reject: number;
}

export interface ImportRow {
  kind: string | null;
  where: string;
  outcome: 'create' | 'duplicate' | 'reject';
  summary: string;
  reason: string;
}

export interface ImportReport {
  format: 'securebase' | 'daylio' | 'jrnl' | 'csv';
  applied: boolean;
  refused: string | null;
  counts: Record<string, ImportCounts>;
  total: ImportCounts;
  rows: ImportRow[];
  rows_listed: number;
  rows_total: number;
}

export interface ImportRequest {
  file_base64: string;
  filename: string;
  format: string;
  map?: string;
  into?: string;
  passphrase?: string;
  offset_minutes: number;
}

// The server takes request bodies up to 1 MiB; base64 makes a file a third larger.
export const MAX_UPLOAD_BYTES = 760 * 1024;

export const dataApi = {
  importFile: (body: ImportRequest, apply: boolean, skipRejected: boolean) =>
    request<ImportReport>(
      'POST',
      `/import?dry_run=${apply ? 'false' : 'true'}${apply && skipRejected ? '&skip_rejected=true' : ''}`,
      body,
    ),
  // The encrypted export as a file (the plain one is a link to /api/v1/export.zip).
  async sealedExport(passphrase: string): Promise<{ blob: Blob; name: string }> {
    const res = await fetch('/api/v1/export', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/octet-stream' },
      body: JSON.stringify({ passphrase }),
    });
    if (!res.ok) {
      let problem: Problem = { title: res.statusText };
      try {
        problem = (await res.json()) as Problem;
      } catch {
        /* not JSON */
      }
      throw new ApiError(res.status, problem);
    }
    const disposition = res.headers.get('Content-Disposition') ?? '';
    const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'securebase-export.zip.sealed';
    return { blob: await res.blob(), name };
  },
};

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
