/**
 * Copies text for the operator: the async clipboard when the host grants it, else the text is
 * selected in its field and the legacy copy command tried (an older Chromium, a denied permission,
 * a page not in focus). 'selected' means the operator has to press Ctrl+C themselves.
 */
export async function copyText(text: string, field: HTMLTextAreaElement | null): Promise<'copied' | 'selected'> {
  try {
    if (typeof navigator !== 'undefined' && navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return 'copied';
    }
  } catch {
    // Denied or unavailable: fall through to the selection.
  }
  if (!field) return 'selected';
  field.focus();
  field.select();
  const legacyCopy = (document as Document & { execCommand?: (command: string) => boolean }).execCommand;
  try {
    return typeof legacyCopy === 'function' && legacyCopy.call(document, 'copy') ? 'copied' : 'selected';
  } catch {
    return 'selected';
  }
}
