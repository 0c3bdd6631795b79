/**
 * Small React stand-ins for @tarojs/components in jsdom (jest.config.js moduleNameMapper).
 * Only DOM-safe props pass through; Taro-only props (hoverClass, scrollX, enhanced…) are dropped so
 * React does not warn about unknown attributes. Taro's tap (`onClick`, or `onTap`) becomes onClick;
 * `onInput` is called with Taro's `{detail: {value}}` shape.
 */
import { createElement, type ReactNode } from 'react'

type AnyProps = Record<string, unknown> & { children?: ReactNode }

const PASS = new Set(['className', 'style', 'id', 'children', 'disabled', 'src', 'alt', 'role', 'placeholder'])

function domProps(props: AnyProps): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(props)) {
    if (PASS.has(key) || key.startsWith('data-') || key.startsWith('aria-')) out[key] = value
  }
  const tap = (props.onClick ?? props.onTap) as ((e: unknown) => void) | undefined
  if (tap) out.onClick = tap
  // WeChat's open-type button: a tap on it sends agreeprivacyauthorization (weapp pages set it, PrivacySheet).
  if (props.openType) out['data-open-type'] = props.openType
  const agree = props.onAgreePrivacyAuthorization as (() => void) | undefined
  if (props.openType === 'agreePrivacyAuthorization' && agree) out.onClick = agree
  return out
}

function standIn(tag: string, displayName: string) {
  const C = (props: AnyProps) => createElement(tag, domProps(props), props.children)
  C.displayName = displayName
  return C
}

export const View = standIn('div', 'View')
export const Text = standIn('span', 'Text')
export const Button = standIn('button', 'Button')
export const ScrollView = standIn('div', 'ScrollView')
export const Block = standIn('div', 'Block')
export const Label = standIn('label', 'Label')

export const Image = (props: AnyProps) => createElement('img', domProps(props))
Image.displayName = 'Image'

export const Input = (props: AnyProps) => {
  const onInput = props.onInput as ((e: { detail: { value: string } }) => void) | undefined
  const type = props.password ? 'password' : 'text'
  return createElement('input', {
    ...domProps(props),
    type,
    value: props.value as string | undefined,
    maxLength: props.maxlength as number | undefined,
    onChange: (e: { target: { value: string } }) => onInput?.({ detail: { value: e.target.value } }),
  })
}
Input.displayName = 'Input'

/** Like Input, a <textarea> (some page tests still bring their own). */
export const Textarea = (props: AnyProps) => {
  const onInput = props.onInput as ((e: { detail: { value: string } }) => void) | undefined
  return createElement('textarea', {
    ...domProps(props),
    value: props.value as string | undefined,
    maxLength: props.maxlength as number | undefined,
    onChange: (e: { target: { value: string } }) => onInput?.({ detail: { value: e.target.value } }),
  })
}
Textarea.displayName = 'Textarea'
