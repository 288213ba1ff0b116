import { describe, expect, it } from 'vitest'
import { fieldMessages } from './problem'

describe('fieldMessages', () => {
  it('puts each violation beside the field it names', () => {
    const messages = fieldMessages({
      status: 422, code: 'VALIDATION_FAILED',
      violations: [
        { field: 'emergencyContact.mobile', code: 'INVALID_MOBILE', message: '手机号格式不正确' },
        { field: 'hukouRegion', code: 'UNKNOWN_REGION', message: 'a' },
        { field: 'hukouRegion', code: 'OTHER', message: 'b' },
      ],
    })
    expect(messages).toEqual({ 'emergencyContact.mobile': '手机号格式不正确', hukouRegion: 'a; b' })
  })

  it('puts a problem without violations beside the field its code is about, else on the form', () => {
    const slotFull = { status: 409, code: 'SLOT_FULL', detail: 'full' }
    expect(fieldMessages(slotFull, { SLOT_FULL: 'window' })).toEqual({ window: 'full' })
    expect(fieldMessages(slotFull)).toEqual({ '': 'full' })
  })
})
