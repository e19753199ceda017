export function exitStatusOf(code: number | null | undefined, signal: NodeJS.Signals | null | undefined): number;
