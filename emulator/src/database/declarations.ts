/**
 * Collections and indexes as the product declares them (cloudfunctions/collections.json). The
 * emulator creates and enforces them; scripts/deploy-database.ts creates them in a real environment.
 */
import { readFileSync } from 'fs'
import { join } from 'path'

export interface IndexDeclaration {
  name: string
  /**
   * Field paths in order, 1 ascending / -1 descending (as MongoDB writes them), or '2dsphere': a geo index
   * over GeoJSON, what CloudBase's geo queries require.
   */
  keys: Record<string, 1 | -1 | '2dsphere'>
  unique?: boolean
}

export interface CollectionDeclaration {
  indexes: IndexDeclaration[]
}

export type Declarations = Record<string, CollectionDeclaration>

export const DECLARATIONS_FILE = join(__dirname, '..', '..', '..', 'cloudfunctions', 'collections.json')

export function loadDeclarations(file = DECLARATIONS_FILE): Declarations {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { collections: Declarations }
  return parsed.collections
}

export const isGeoIndex = (ix: IndexDeclaration) => Object.values(ix.keys).includes('2dsphere')
