/** The nine lecture themes of the programme (domain.md). The order is the order of the tabs. */
export const THEMES = [
  { code: 'village', name: '乡味党课', meaning: '在村里，用乡音讲身边的故事' },
  { code: 'field', name: '田坎党课', meaning: '在田间地头，为农民讲' },
  { code: 'workshop', name: '车间党课', meaning: '在车间一线讲' },
  { code: 'scenario', name: '情景党课', meaning: '以情景剧的形式演出来' },
  { code: 'experience', name: '体验党课', meaning: '动手体验' },
  { code: 'walking', name: '行走党课', meaning: '沿红色路线边走边讲，有多个站点' },
  { code: 'immersive', name: '沉浸党课', meaning: '沉浸式场景' },
  { code: 'micro', name: '微党课', meaning: '短小精悍，100秒到5分钟，多为录制' },
  { code: 'standard', name: '常规党课', meaning: '传统课堂式党课' },
] as const

export type ThemeCode = (typeof THEMES)[number]['code']

export const THEME_CODES = THEMES.map((t) => t.code) as unknown as readonly [ThemeCode, ...ThemeCode[]]

export function themeName(code: ThemeCode): string {
  return THEMES.find((t) => t.code === code)?.name ?? code
}
