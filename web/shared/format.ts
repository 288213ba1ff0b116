/** Amounts come in fen (integer); people read yuan. */
export function yuan(fen: number | undefined): string {
  return ((fen ?? 0) / 100).toFixed(2)
}

/** "09:00:00" → "09:00" */
export function hhmm(time: string | undefined): string {
  return (time ?? '').slice(0, 5)
}
