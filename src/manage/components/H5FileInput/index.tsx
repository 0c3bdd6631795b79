import type { ChangeEvent } from 'react'
import type { LocalFile } from '../../../api/upload'

export interface H5FileInputProps {
  label: string
  /** What the browser offers to choose (the input's `accept`). */
  accept: string
  /** The caller's classes for the label (the tap target), its text and the hidden input. */
  classes: { label: string; text: string; input: string }
  onFile: (file: LocalFile) => void
}

/**
 * h5 only: the browser's file chooser behind a large label. The input is emptied after each choice, so that
 * the same file can be chosen again once corrected.
 */
function H5FileInput({ label, accept, classes, onFile }: H5FileInputProps) {
  const change = (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.target
    const file = input.files?.[0]
    if (!file) return
    input.value = ''
    onFile({ name: file.name, size: file.size, blob: file })
  }
  return (
    <label className={classes.label}>
      <span className={classes.text}>{label}</span>
      <input className={classes.input} type='file' accept={accept} onChange={change} />
    </label>
  )
}

export default H5FileInput
