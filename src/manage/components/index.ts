/**
 * The components that several manage pages use, in one fixed order. Pages import these from here,
 * before any page's own component: then every page loads the shared styles in the same order, and
 * the weapp build can put them in the sub-package's common stylesheet without an order conflict
 * (mini-css-extract-plugin warns when two pages import shared styles in different orders).
 */
export { default as ActionButton } from './ActionButton'
export { default as ChoiceChips } from './ChoiceChips'
export { default as DecideButtons } from './DecideButtons'
export { default as ExportButton } from './ExportButton'
export { default as ImportPanel } from './ImportPanel'
export { default as InviteCode } from './InviteCode'
export { default as Notice, refusalNotice, type NoticeMessage } from './Notice'
export { default as NodeSearch } from './NodeSearch'
export { default as OrgPicker } from './OrgPicker'
export { default as PageState, usePageLoad } from '../../components/PageState'
// after PageState, whose styles it brings
export { default as LecturerRow } from './LecturerRow'
export { default as ManagedNodesView } from './ManagedNodesView'
export { default as PendingScans } from './PendingScans'
export { default as ReasonForm } from './ReasonForm'
export { default as SearchField } from './SearchField'
export { useAction, type Action } from './useAction'
export { useFileImport, type FileImport } from './useFileImport'
export { pickerSearches, rememberedNode, useManagedNodes, type ManagedNode } from './useManagedNodes'
