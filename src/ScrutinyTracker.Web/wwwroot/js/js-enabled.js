// GOV.UK Frontend's template snippet, loaded as the first thing in <body> so the classes are there before
// the page first paints. A file, not an inline script with a nonce: a page the browser kept and
// revalidated (a 304) comes back with a new Content-Security-Policy whose nonce the kept page lacks.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '')
