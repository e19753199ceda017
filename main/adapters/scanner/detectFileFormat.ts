export type FileFormat = 'jpeg' | 'png' | 'tiff' | 'pdf';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** The PDF spec lets `%PDF-` start anywhere in the first 1024 bytes (some producers prepend junk). */
const PDF_HEADER_WINDOW = 1024;

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** Identifies a supported file by its first bytes, never by its name. Null for anything else. */
export function detectFileFormat(head: Uint8Array): FileFormat | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, PNG_SIGNATURE)) return 'png';
  // Classic TIFF, little- and big-endian ("II*\0", "MM\0*").
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  const window = new TextDecoder('latin1').decode(head.subarray(0, PDF_HEADER_WINDOW));
  if (window.includes('%PDF-')) return 'pdf';
  return null;
}
