/** Amounts come in fen (integer); people read yuan. */
export function yuan(fen: number | undefined): string {
  return ((fen ?? 0) / 100).toFixed(2)
}

/** "09:00:00" → "09:00" */
export function hhmm(time: string | undefined): string {
  return (time ?? '').slice(0, 5)
}

// Swedish writes dates as ISO does (2026-09-14 10:05): the same digits in both languages.
const BEIJING = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
})

/** An offset date-time from the API as the hall's clock shows it, whatever the browser's zone: "2026-09-14 10:05". */
export function beijingTime(dateTime: string | undefined): string {
  return dateTime ? BEIJING.format(new Date(dateTime)) : ''
}
