/**
 * Paying in the payment platform's mobile-web cashier: where it sends the browser back, how the H5 recognises that
 * return, and how it waits for the order to read PAID (the return itself proves nothing; the platform's signed notify
 * to the server does).
 */

/** The H5's own address without a fragment: the platform appends its return parameters to the query. */
export function cashierReturnUrl(location: Pick<Location, 'origin' | 'pathname'>): string {
  return `${location.origin}${location.pathname}`
}

/** The order number when this page load is the platform's synchronous return from the cashier. */
export function paymentReturn(search: string): string | undefined {
  const params = new URLSearchParams(search)
  return params.get('method') === 'alipay.trade.wap.pay.return' ? (params.get('out_trade_no') ?? undefined) : undefined
}

/** Waits between checks: 0.5 s, growing by half each time, at most 5 s. */
export function backoff(attempt: number): number {
  return Math.min(500 * 1.5 ** attempt, 5000)
}

/**
 * Asks `check` again after each back-off delay until it answers true or `timeoutMs` has passed; true if it did.
 * `stopped` ends the wait early (the screen was left).
 */
export async function pollWithBackoff(check: () => Promise<boolean>, timeoutMs: number, stopped: () => boolean = () => false,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms))): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  for (let attempt = 0; !stopped(); attempt++) {
    if (await check()) return true
    const wait = Math.min(backoff(attempt), deadline - Date.now())
    if (wait <= 0) return false
    await sleep(wait)
  }
  return false
}
