// Starts GOV.UK Frontend's components. The layout gives the versioned URL of govuk-frontend.min.js,
// so a new release of the library is never served from an old cache.
const script = document.querySelector('script[data-govuk-frontend]')
const { initAll } = await import(script.dataset.govukFrontend)
initAll()
