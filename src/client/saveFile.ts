/** Browser: hands a file to the visitor as a download (chart data and images, tables, query results). */

/** Saves `blob` as `filename`. */
export function saveBlob(blob: Blob, filename: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** Saves text (CSV by default) as `filename`. */
export function saveText(text: string, filename: string, type = 'text/csv'): void {
  saveBlob(new Blob([text], { type }), filename);
}
