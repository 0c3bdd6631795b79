export default definePageConfig({
  navigationBarTitleText: '编辑党课',
})
