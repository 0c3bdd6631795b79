import PageState from '../../../components/PageState'
import type { Refusal } from '../../../shared/errors'

export interface StateViewProps {
  /** loading: 正在加载…; refused: the refusal and 重试; empty: `text`. */
  phase: 'loading' | 'refused' | 'empty'
  text?: string
  refusal?: Refusal
  onRetry?: () => void
}

/** Until every manage page uses PageState (src/components/PageState), the same view under its old name. */
function StateView({ phase, text, refusal, onRetry }: StateViewProps) {
  return <PageState phase={phase} refusal={refusal} empty={text} onRetry={onRetry} />
}

StateView.displayName = 'StateView'

export default StateView
