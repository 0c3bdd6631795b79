export default definePageConfig({
  navigationBarTitleText: '师资库',
})
