// Lints code as if it stood at a path of this repository, with ESLint's API and eslint.config.mjs, in a plain
// Node process: jest's module sandbox cannot load an ES module config (ESLint imports it dynamically).
// stdin: [{ filePath, code }]; stdout: for each, the `ruleId: message` of every problem.
import { ESLint } from 'eslint'
import { readFileSync } from 'fs'
import { dirname, join } from 'path'
import { fileURLToPath } from 'url'

const eslint = new ESLint({ cwd: join(dirname(fileURLToPath(import.meta.url)), '..', '..') })
const cases = JSON.parse(readFileSync(0, 'utf8'))
const problems = []
for (const { filePath, code } of cases) {
  const [result] = await eslint.lintText(code, { filePath })
  problems.push(result.messages.map((m) => `${m.ruleId}: ${m.message}`))
}
process.stdout.write(JSON.stringify(problems))
