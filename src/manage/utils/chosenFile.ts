/** h5: the file chosen in an `<input type='file'>`, as the upload code takes it. */
import type { ChangeEvent } from 'react'
import type { LocalFile } from '../../api/upload'

/** Undefined when nothing was chosen. Empties the input, so that the same file can be chosen again (corrected). */
export function chosenFile(e: ChangeEvent<HTMLInputElement>): LocalFile | undefined {
  const input = e.target
  const file = input.files?.[0]
  if (!file) return undefined
  input.value = ''
  return { name: file.name, size: file.size, blob: file }
}
