/**
 * The h5 build's local sign-in stands in for WeChat login: a page outside the app's router, so the
 * browser goes there. In WeChat the caller is always known, so there is nothing to do.
 */
import { H5_LOGIN_URL } from './routes'

export const canSignIn = (): boolean => process.env.TARO_ENV === 'h5'

export function goToLogin(): void {
  if (process.env.TARO_ENV === 'h5') window.location.href = H5_LOGIN_URL
}
