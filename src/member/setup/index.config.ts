export default definePageConfig({
  navigationBarTitleText: '首次启用',
})
