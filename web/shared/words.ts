import type { components } from './api/schema'

type Option = components['schemas']['EndorsementOption']
/** The `t` of vue-i18n: a message key, its named values, and a count where the words have plural forms. */
export type Translate = (key: string, named: Record<string, unknown>, plural?: number) => string

/** "香港 个人旅游 (G)" rather than HK-G. */
export function endorsementWords(t: Translate, destination: string | undefined, type: string | undefined): string {
  return t('endorsement', { destination: t(`destination.${destination}`, {}), type: t(`endorsementType.${type}`, {}) })
}

/**
 * The terms of an endorsement option as people say them ("1 年多次有效，每次停留不超过 7 天"), not its choice key
 * (P1Y/MULTIPLE); a special scheme is named first. The key stays what the form sends.
 */
export function optionWords(t: Translate, option: Option): string {
  const period = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?$/.exec(option.validity ?? '')
  const validity = period
    ? (['Y', 'M', 'D'] as const).flatMap((unit, i) => {
      const n = Number(period[i + 1] ?? 0)
      return n ? [t(`validity.${unit}`, { n }, n)] : []
    }).join(' ')
    : option.validity ?? ''
  const terms = t('option', {
    validity,
    entries: t(`entries.${option.entries}`, {}),
    stay: t(`stay.${option.stayRule ?? 'PER_VISIT'}`, { days: option.maxStayDays }),
  })
  return option.scheme ? `${t(`scheme.${option.scheme}`, {})}: ${terms}` : terms
}

/** A hukou region code with its province's name: "北京市（110105）". The API names no region below a hall's. */
export function regionWords(t: Translate, code: string | undefined): string {
  if (!code || !/^\d{6}$/.test(code)) return code ?? ''
  const province = t(`province.${code.slice(0, 2)}`, {})
  return province === `province.${code.slice(0, 2)}` ? code : t('region', { province, code })
}
