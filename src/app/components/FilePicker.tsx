import { useId } from 'react';
import { useT } from '../../i18n/language';

/**
 * The file input: a button in the header, a large drop zone on the files view. Only the
 * header one carries the test hook, so there is exactly one [data-testid=file-input].
 */
export function FilePicker({ onFiles, variant }: { onFiles: (files: File[]) => void; variant: 'button' | 'zone' }) {
  const t = useT();
  const id = useId();
  const input = (
    <input
      id={id}
      type="file"
      multiple
      accept=".csv,.txt,.tsv,text/csv,text/plain,.xlsx,.xlsm,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12,application/vnd.oasis.opendocument.spreadsheet"
      className="visually-hidden"
      data-testid={variant === 'button' ? 'file-input' : undefined}
      onChange={(event) => {
        onFiles([...(event.target.files ?? [])]);
        event.target.value = '';
      }}
    />
  );
  if (variant === 'button') {
    return (
      <label className="button primary file-button" htmlFor={id}>
        {t('addFiles')}
        {input}
      </label>
    );
  }
  return (
    <label className="drop-zone" htmlFor={id}>
      <strong>{t('dropHere')}</strong>
      <span>{t('dropHint')}</span>
      {input}
    </label>
  );
}
