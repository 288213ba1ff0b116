import { describe, expect, it } from 'vitest'
import { pageOf } from './links'

describe('pageOf', () => {
  it('takes a message to the page of its booking, hold or application', () => {
    expect(pageOf('/api/v1/holds/5f0e4c2a-1b7d-4e36-9a51-0c6f3d2b8e47')).toBe('/book?hold=5f0e4c2a-1b7d-4e36-9a51-0c6f3d2b8e47')
    expect(pageOf('/api/v1/bookings/B20260915BJ0001')).toBe('/bookings')
    expect(pageOf('/api/v1/availability?hallId=BJ-CHAOYANG')).toBe('/book?hall=BJ-CHAOYANG')
    expect(pageOf('/api/v1/timeline/A110000202609140001')).toBe('/applications')
    expect(pageOf('/api/v1/cases/A110000202609140001/refusal')).toBe('/applications')
    expect(pageOf('/api/v1/fees/orders/F0001')).toBe('/applications')
    expect(pageOf('/api/v1/intake/my/notices/N0001')).toBe('/applications')
    expect(pageOf('https://hkmo.example.cn/api/v1/bookings/B1')).toBe('/bookings') // a link base with the origin
  })

  it('has no page for a link it does not know, or none', () => {
    expect(pageOf('/api/v1/something/else')).toBeUndefined()
    expect(pageOf(undefined)).toBeUndefined()
  })
})
