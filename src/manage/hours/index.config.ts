export default definePageConfig({
  navigationBarTitleText: '支部学时',
})
