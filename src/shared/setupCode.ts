/**
 * The one-time setup code (启用码) that makes an environment's first city administrator: 12 characters of the
 * invite-code alphabet (no 0/O or 1/I), shown as XXXX-XXXX-XXXX. Only its hash is stored (SetupDoc.codeHash),
 * so the database alone does not give the code away. scripts/setup-city.ts makes it, member.claimSetup takes it.
 */
import { INVITE_CODE_ALPHABET } from './roster'

export const SETUP_CODE_LENGTH = 12
/** How long a new code works unless the command says otherwise. */
export const SETUP_CODE_HOURS = 72

/** A new code (without dashes); `randomInt(n)` answers an integer in [0, n), e.g. crypto's randomInt. */
export function newSetupCode(randomInt: (n: number) => number): string {
  const alphabet = INVITE_CODE_ALPHABET
  return Array.from({ length: SETUP_CODE_LENGTH }, () => alphabet[randomInt(alphabet.length)]).join('')
}

/** "ABCDEFGHJKLM" → "ABCD-EFGH-JKLM", as it is printed and typed. */
export const formatSetupCode = (code: string) => code.match(/.{1,4}/g)?.join('-') ?? code

/**
 * The code as typed, in any case, with or without dashes or spaces (a copied code may carry full-width ones):
 * the 12 characters, or undefined if it cannot be a setup code.
 */
export function normaliseSetupCode(typed: string): string | undefined {
  const code = typed.toUpperCase().replace(/[\s\-－–—]/g, '')
  if (code.length !== SETUP_CODE_LENGTH) return undefined
  return [...code].every((c) => INVITE_CODE_ALPHABET.includes(c)) ? code : undefined
}

/**
 * What is stored and compared: the SHA-256 (hex) of the normalised code. The digest is passed in (node's
 * crypto in the script and the function) because src/shared imports nothing but zod.
 */
export function setupCodeHash(code: string, sha256Hex: (text: string) => string): string {
  return sha256Hex(`dangke-setup:${normaliseSetupCode(code) ?? code}`)
}
