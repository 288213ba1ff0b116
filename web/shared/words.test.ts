import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import zh from './locales/zh-CN.json'
import en from './locales/en.json'
import { endorsementWords, optionWords, regionWords, type Translate } from './words'

function translate(locale: 'zh-CN' | 'en'): Translate {
  const i18n = createI18n({ legacy: false, locale, messages: { 'zh-CN': zh, en }, missingWarn: false, fallbackWarn: false })
  return i18n.global.t as unknown as Translate
}

describe('words for codes', () => {
  const zhT = translate('zh-CN')
  const enT = translate('en')

  it('names an endorsement and its terms in both languages', () => {
    expect(endorsementWords(zhT, 'HK', 'G')).toBe('香港个人旅游 (G)')
    expect(endorsementWords(enT, 'MO', 'T')).toBe('Macao Family visit (T)')
    const option = { code: 'P3M/SINGLE', validity: 'P3M', entries: 'SINGLE', maxStayDays: 7, stayRule: 'PER_VISIT' } as const
    expect(optionWords(zhT, option)).toBe('3 个月一次有效，每次停留不超过 7 天')
    expect(optionWords(enT, option)).toBe('3 months, single entry, up to 7 days per visit')
    expect(optionWords(enT, { ...option, validity: 'P1Y', entries: 'MULTIPLE', scheme: 'SZ_MULTI' }))
      .toBe('Shenzhen multiple-entry scheme: 1 year, multiple entries, up to 7 days per visit')
  })

  it('names the province of a hukou region, and leaves what it cannot name as it is', () => {
    expect(regionWords(zhT, '110105')).toBe('北京市（110105）')
    expect(regionWords(enT, '440304')).toBe('Guangdong (440304)')
    expect(regionWords(zhT, '990000')).toBe('990000')
    expect(regionWords(zhT, '1101')).toBe('1101')
  })
})
