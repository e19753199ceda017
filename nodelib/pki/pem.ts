// Certificates and CRLs as files arrive: PEM (one or several blocks, any label) or bare DER.
const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\s]+)-----END \1-----/g;

/** Every PEM block of `bytes` with the given labels as DER, or `bytes` itself when it holds no PEM at all. */
export function derBlocksOf(bytes: Uint8Array, labels: readonly string[]): Uint8Array[] {
  const text = Buffer.from(bytes).toString('latin1');
  if (!text.includes('-----BEGIN ')) return [Uint8Array.from(bytes)];
  return [...text.matchAll(PEM_BLOCK)]
    .filter((match) => labels.includes(match[1] ?? ''))
    .map((match) => Uint8Array.from(Buffer.from((match[2] ?? '').replace(/\s+/g, ''), 'base64')));
}

export function pemOf(der: Uint8Array, label: string): string {
  const lines = Buffer.from(der).toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
