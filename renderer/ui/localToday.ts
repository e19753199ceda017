/**
 * Today on this workstation's clock as 'YYYY-MM-DD'. Counters in Kazakhstan run on local time; only
 * hints use it (a BIN's century), never a deadline (main computes those on the Kazakhstan calendar).
 */
export function localToday(now: Date = new Date()): string {
  const pad2 = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())}`;
}
