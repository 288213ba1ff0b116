import { describe, expect, it } from 'vitest'
import { beijingTime, hhmm, yuan } from './format'

describe('format', () => {
  it('shows fen as yuan and times as hh:mm', () => {
    expect(yuan(16000)).toBe('160.00')
    expect(yuan(undefined)).toBe('0.00')
    expect(hhmm('09:30:00')).toBe('09:30')
  })

  it('shows an instant on the hall clock, from +08:00 or from UTC alike', () => {
    expect(beijingTime('2026-09-14T10:05:00+08:00')).toBe('2026-09-14 10:05')
    expect(beijingTime('2026-09-14T02:05:00Z')).toBe('2026-09-14 10:05')
    expect(beijingTime('2026-09-14T23:30:00Z')).toBe('2026-09-15 07:30')
    expect(beijingTime(undefined)).toBe('')
  })
})
