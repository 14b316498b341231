// The rotation record on the options page: every hand-off that reached the IdP's verdict, newest first, with
// CSV and JSON export (a download made here, nothing leaves the machine) and clear. It never holds the token.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../utils/i18n';
import type { RotationEntry } from '../utils/rotation/record';
import { recordToCsv, recordToJson } from '../utils/rotation/export';

export interface RecordClient {
  load(): Promise<RotationEntry[]>;
  clear(): Promise<void>;
  /** Calls back with the new record on every change; returns the way to stop. */
  watch(onChange: (record: RotationEntry[]) => void): () => void;
}

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000); // the browser has read it by then
}

const seconds = (ms: number) => t('recordSeconds', (ms / 1000).toFixed(1));

export function RotationRecordSection(props: { client: RecordClient; now?: () => Date }) {
  const [record, setRecord] = useState<RotationEntry[]>();
  const [notice, setNotice] = useState<string>();
  useEffect(() => {
    void props.client.load().then(setRecord);
    return props.client.watch(setRecord);
  }, [props.client]);
  if (!record) return null;

  const exportAs = (kind: 'csv' | 'json') => {
    const day = (props.now?.() ?? new Date()).toISOString().slice(0, 10);
    const name = `scim-relay-rotations-${day}.${kind}`;
    download(name, kind === 'csv' ? 'text/csv' : 'application/json', kind === 'csv' ? recordToCsv(record) : recordToJson(record));
    setNotice(t('recordExported', record.length, name));
  };
  const clear = async () => {
    await props.client.clear();
    setRecord([]);
    setNotice(t('recordCleared'));
  };

  return (
    <section class="record" aria-labelledby="record-heading">
      <h2 id="record-heading">{t('recordTitle')}</h2>
      <p>{t('recordIntro')}</p>
      {record.length === 0 ? (
        <p data-record-empty>{t('recordEmpty')}</p>
      ) : (
        // Focusable: a wide table scrolls sideways from the keyboard too.
        <div class="record-scroll" tabIndex={0}>
          <table>
            <thead>
              <tr>
                {(['recordColWhen', 'recordColSource', 'recordColIdp', 'recordColApp', 'recordColVerdict', 'recordColSaved', 'recordColDuration', 'recordColToken'] as const).map((key) => (
                  <th scope="col">{t(key)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {record.map((entry) => (
                <tr data-outcome={entry.outcome} data-saved={entry.saved}>
                  <td>
                    <time dateTime={new Date(entry.at).toISOString()}>{new Date(entry.at).toLocaleString()}</time>
                  </td>
                  <td>{entry.sourceHost}</td>
                  <td>{entry.idpHost}</td>
                  <td>{entry.app}</td>
                  <td class={entry.outcome}>{entry.verdict}</td>
                  <td>{t(entry.saved ? 'recordYes' : 'recordNo')}</td>
                  <td>{seconds(entry.durationMs)}</td>
                  <td>{entry.fingerprint}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div class="record-actions">
        <button type="button" disabled={!record.length} onClick={() => exportAs('csv')}>{t('recordExportCsv')}</button>
        <button type="button" disabled={!record.length} onClick={() => exportAs('json')}>{t('recordExportJson')}</button>
        <button type="button" class="danger" disabled={!record.length} onClick={() => void clear()}>{t('recordClear')}</button>
      </div>
      <p class="notice ok" role="status" aria-live="polite">{notice}</p>
    </section>
  );
}
