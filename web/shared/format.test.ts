import { describe, expect, it } from 'vitest'
import { hhmm, yuan } from './format'

describe('format', () => {
  it('shows fen as yuan and times as hh:mm', () => {
    expect(yuan(16000)).toBe('160.00')
    expect(yuan(undefined)).toBe('0.00')
    expect(hhmm('09:30:00')).toBe('09:30')
  })
})
