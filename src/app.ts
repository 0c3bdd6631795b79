import { useDidShow, useLaunch } from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { flushOutboxIfWaiting, startOutbox } from './api/outbox'
import './app.scss'

/** The app shell: Taro renders the current page as `children`. */
function App({ children }: PropsWithChildren) {
  // Check-in scans kept on the phone without signal go out at launch, on every return to the app and
  // when the network comes back (src/api/outbox.ts).
  useLaunch(startOutbox)
  useDidShow(flushOutboxIfWaiting)
  return children
}

export default App
