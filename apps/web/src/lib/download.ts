/**
 * Saves what the API answered as a file (a role's JSON, a certificate, a zip): the bytes
 * go through a blob URL made from the API client's answer, so a refusal is an ApiError
 * shown where it happened, not a browser error page.
 */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // After the click has been handled: revoking at once can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A JSON value as a pretty-printed `.json` download. */
export function downloadJson(value: unknown, filename: string): void {
  downloadBlob(new Blob([JSON.stringify(value, null, 2) + '\n'], { type: 'application/json' }), filename);
}
