/**
 * The main package of the mini program (what every member downloads on first open) stays small: a production
 * weapp build, its size summed as `npm run build:weapp` prints it. Taro's webpack cache keeps a rebuild at
 * about 35 s; this writes dist/weapp as `npm run build:weapp` does.
 */
import { execFile } from 'child_process'
import { readdirSync, readFileSync } from 'fs'
import { join, resolve } from 'path'
import { MAIN_LIMIT, WEAPP_DIST, weappSizes } from '../../scripts/weapp-size'

const ROOT = resolve(__dirname, '..', '..')

it(`builds the weapp app with a main package within ${MAIN_LIMIT / 1024} KB`, async () => {
  await new Promise<void>((done, fail) =>
    execFile(
      process.execPath,
      [require.resolve('@tarojs/cli/bin/taro'), 'build', '--type', 'weapp'],
      { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' }, maxBuffer: 64 * 2 ** 20 },
      (err, _out, stderr) => (err ? fail(new Error(`${err.message}\n${stderr}`)) : done()),
    ),
  )
  const { main, subPackages } = weappSizes()
  expect(main).toBeLessThanOrEqual(MAIN_LIMIT)
  // The sub-packages are built too (WeChat allows 2 MB each).
  expect(Object.keys(subPackages)).toEqual(['member', 'manage'])
  // No zod in the main package: any of it there brings zod's whole core (~69 KB), which the classic zod of the
  // sub-packages keeps whole (the bind page checks with src/shared/bindRules.ts).
  const mainScripts = readdirSync(WEAPP_DIST, { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.js') && !/^(member|manage)\//.test(f),
  )
  for (const f of mainScripts)
    expect([f, readFileSync(join(WEAPP_DIST, f), 'utf8').includes('$ZodType')]).toEqual([f, false])
}, 600_000)
