export default definePageConfig({
  navigationBarTitleText: '我来讲党课',
})
