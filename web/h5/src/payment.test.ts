import { describe, expect, it } from 'vitest'
import { backoff, cashierReturnUrl, paymentReturn, pollWithBackoff } from './payment'

describe('payment in the mobile-web cashier', () => {
  it('returns to the H5 path without a fragment', () => {
    expect(cashierReturnUrl({ origin: 'https://permits.example.cn', pathname: '/h5/' })).toBe('https://permits.example.cn/h5/')
  })

  it('recognises only the platform return of the wap pay', () => {
    expect(paymentReturn('?charset=UTF-8&out_trade_no=FO1&method=alipay.trade.wap.pay.return&sign=x')).toBe('FO1')
    expect(paymentReturn('?out_trade_no=FO1')).toBeUndefined()
    expect(paymentReturn('?code=abc&state=def')).toBeUndefined()
    expect(paymentReturn('')).toBeUndefined()
  })

  it('backs off by half each time up to 5 s', () => {
    expect([0, 1, 2, 3].map(backoff)).toEqual([500, 750, 1125, 1687.5])
    expect(backoff(20)).toBe(5000)
  })

  it('polls until the check holds, sleeping the back-off between checks', async () => {
    const slept: number[] = []
    let calls = 0
    const done = await pollWithBackoff(async () => ++calls === 3, 60_000, () => false, async (ms) => { slept.push(ms) })
    expect(done).toBe(true)
    expect(slept).toEqual([500, 750])
  })

  it('gives up at the deadline, and when stopped', async () => {
    expect(await pollWithBackoff(async () => false, 0, () => false, async () => undefined)).toBe(false)
    let checks = 0
    expect(await pollWithBackoff(async () => { checks++; return false }, 60_000, () => checks >= 2, async () => undefined)).toBe(false)
    expect(checks).toBe(2)
  })
})
