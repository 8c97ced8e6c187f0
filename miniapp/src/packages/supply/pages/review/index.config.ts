export default definePageConfig({ navigationBarTitleText: '网点审核' });
