/**
 * Validation messages in Chinese, on the server and in forms alike. One setting for zod and zod/mini (they
 * share zod's core). The Chinese locale alone: `z.locales` would bring every language into each bundle.
 */
import { config } from 'zod/mini'
import { zhCN } from 'zod/locales'

config(zhCN())
