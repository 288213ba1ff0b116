import { describe, expect, it } from 'vitest'
import zhShared from './locales/zh-CN.json'
import enShared from './locales/en.json'
import zhH5 from '../h5/locales/zh-CN.json'
import enH5 from '../h5/locales/en.json'
import zhConsole from '../console/locales/zh-CN.json'
import enConsole from '../console/locales/en.json'

/** Every leaf of a message tree as `path → message`. */
function leaves(tree: Record<string, unknown>, prefix = ''): Map<string, string> {
  const found = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (value !== null && typeof value === 'object') {
      leaves(value as Record<string, unknown>, path).forEach((v, k) => found.set(k, v))
    } else {
      found.set(path, String(value))
    }
  }
  return found
}

/** The named arguments of a message, `{n}` and `{minutes}`. */
// Distinct names: a plural ("{n} day | {n} days") names its argument once per form.
function placeholders(message: string): string[] {
  return [...new Set([...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort()
}

describe.each([
  ['shared', zhShared, enShared],
  ['h5', zhH5, enH5],
  ['console', zhConsole, enConsole],
])('the %s message files', (_name, zh, en) => {
  const chinese = leaves(zh)
  const english = leaves(en)

  it('have the same keys in zh-CN and en', () => {
    expect([...english.keys()].filter((k) => !chinese.has(k))).toEqual([])
    expect([...chinese.keys()].filter((k) => !english.has(k))).toEqual([])
  })

  it('give a message the same arguments in both languages', () => {
    const differing = [...chinese.keys()]
      .filter((k) => english.has(k))
      .filter((k) => placeholders(chinese.get(k)!).join() !== placeholders(english.get(k)!).join())
    expect(differing).toEqual([])
  })
})
