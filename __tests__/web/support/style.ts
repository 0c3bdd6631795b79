// Style imports (css/scss) resolve to this empty module in jsdom tests.
export default {}
