/**
 * The import boundaries in eslint.config.mjs: a deliberately wrong import, linted (ESLint's API, lintText) as
 * if it stood in a file of each floor, breaks the boundary rule; a right one lints clean (no rule at all).
 */
import { execFileSync } from 'child_process'
import { join } from 'path'

/** A module that imports `from` and uses what it imported (so that only a boundary can complain). */
const importing = (from: string) => `import * as imported from '${from}'\nexport default imported\n`
const IMPORTS = /^no-restricted-imports: /
const PROPERTIES = /^no-restricted-properties: /

interface Case {
  name: string
  filePath: string
  code: string
  /** The rule that must break, or none. */
  breaks: RegExp | null
}
const cases: Case[] = []
const wrong = (filePath: string, from: string, breaks = IMPORTS) =>
  cases.push({ name: `${filePath} may not import ${from}`, filePath, code: importing(from), breaks })
const right = (filePath: string, from: string) =>
  cases.push({ name: `${filePath} may import ${from}`, filePath, code: importing(from), breaks: null })

// Pages and components reach the server only through src/api.
for (const page of [
  'src/pages/x/index.tsx',
  'src/member/x/index.tsx',
  'src/manage/x/index.tsx',
  'src/components/X/index.tsx',
]) {
  wrong(page, '@cloudbase/js-sdk')
  wrong(page, '../../../cloudfunctions/lecture/main')
  wrong(page, '../../../cloudfunctions/_shared/actor')
  wrong(page, '../../../emulator/src/server')
  cases.push(
    {
      name: `${page} may not call Taro.cloud`,
      filePath: page,
      code: `import Taro from '@tarojs/taro'\nexport default () => Taro.cloud.callFunction({ name: 'lecture' })\n`,
      breaks: PROPERTIES,
    },
    {
      name: `${page} may not import Taro's cloud`,
      filePath: page,
      code: `import { cloud } from '@tarojs/taro'\nexport default cloud\n`,
      breaks: IMPORTS,
    },
    {
      name: `${page} may use Taro`,
      filePath: page,
      code: `import Taro from '@tarojs/taro'\nexport default () => Taro.navigateBack()\n`,
      breaks: null,
    },
  )
  right(page, '../../api/client')
  right(page, '../../shared/contract')
}
wrong('src/api/x.ts', '../../emulator/src/server')
wrong('src/api/x.ts', '../../cloudfunctions/lecture/main')
right('src/api/x.ts', '../shared/errors')

// src/shared: zod and itself.
for (const from of ['@tarojs/taro', 'react', '../utils/status', '../api/client']) wrong('src/shared/x.ts', from)
for (const from of ['../../utils/status', '../../../cloudfunctions/_shared/actor', 'crypto'])
  wrong('src/shared/contract/x.ts', from)
for (const from of ['zod', 'zod/mini', './model', './contract/lecture']) right('src/shared/x.ts', from)
for (const from of ['./common', '../model', 'zod']) right('src/shared/contract/x.ts', from)

// A function: its own folder, cloudfunctions/_shared and src/shared; never another function or the emulator.
for (const from of ['../lecture/main', '../../emulator/src/server', '../../src/utils/status', '../../src/api/client'])
  wrong('cloudfunctions/checkin/x.ts', from)
for (const from of ['../signup/main', '../../emulator/src/database/errors']) wrong('cloudfunctions/_shared/x.ts', from)
for (const from of ['./explain', '../_shared/actor', '../../src/shared/errors', '@cloudbase/node-sdk'])
  right('cloudfunctions/checkin/x.ts', from)
for (const from of ['./cloud', '../../src/shared/model']) right('cloudfunctions/_shared/x.ts', from)

let problems: string[][]
beforeAll(() => {
  const script = join(__dirname, '..', 'support', 'lint-text.mjs')
  const input = JSON.stringify(cases.map(({ filePath, code }) => ({ filePath, code })))
  problems = JSON.parse(execFileSync(process.execPath, [script], { input, encoding: 'utf8' }))
})

it.each(cases.map((c, i) => [c.name, i] as const))('%s', (_name, i) => {
  const { breaks } = cases[i]
  expect(problems[i]).toEqual(breaks ? [expect.stringMatching(breaks)] : [])
})
