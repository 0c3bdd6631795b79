export default definePageConfig({
  navigationBarTitleText: '管理员与评审专家',
})
