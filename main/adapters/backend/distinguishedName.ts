/**
 * The CN of a distinguished name as node:crypto's X509Certificate prints it (one `key=value` per
 * line), or the whole name on one line when it has no CN.
 */
export function commonNameOf(distinguishedName: string): string {
  const lines = distinguishedName.split('\n').filter((line) => line.length > 0);
  const cn = lines.find((line) => line.startsWith('CN='));
  return cn === undefined ? lines.join(', ') : cn.slice(3);
}
