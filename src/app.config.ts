export default defineAppConfig({
  pages: ['pages/index/index'],
  window: {
    navigationBarTitleText: '我来讲党课',
    navigationBarBackgroundColor: '#C40000',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f5',
    backgroundTextStyle: 'dark',
  },
})
