// The round form's answers that the server does not have yet, kept in this tab's sessionStorage by
// update id with the version the user started from, and the user's id so that nobody else signing
// in on the same tab is shown them. See round-form.js.
const prefix = 'scrutinytracker.round-form.'
const user = document.querySelector('[data-session-timeout]')?.dataset.userId ?? ''

// Browsers count and post a line break as CR LF in some places and LF in others.
const text = (value) => String(value ?? '').replace(/\r\n?/g, '\n')

function fields (block) {
  return {
    evidence: block.querySelector('textarea[name$="].Evidence"]'),
    explanation: block.querySelector('textarea[name$="].Explanation"]'),
    grades: [...block.querySelectorAll('input[name$="].Grade"]')],
    version: block.querySelector('input[name$="].Version"]')
  }
}

function answers (block) {
  const { evidence, explanation, grades, version } = fields(block)
  return {
    evidence: text(evidence?.value),
    grade: grades.find((g) => g.checked)?.value ?? '',
    explanation: text(explanation?.value),
    version: version?.value ?? ''
  }
}

const same = (a, b) => a.evidence === b.evidence && a.grade === b.grade && a.explanation === b.explanation

function read (id) {
  try { return JSON.parse(sessionStorage.getItem(prefix + id)) } catch { return null }
}

function remove (id) {
  try { sessionStorage.removeItem(prefix + id) } catch { /* nothing kept */ }
}

/** Keeps what an action's fields hold now, with the version it was typed against. */
export function keep (block) {
  try {
    const kept = read(block.dataset.update)
    // The version the typing started from stays, until a save moves it on.
    const version = kept?.user === user ? kept.version : answers(block).version
    sessionStorage.setItem(prefix + block.dataset.update, JSON.stringify({ user, ...answers(block), version }))
  } catch { /* storage full or off: the form still posts everything */ }
}

/** After a save: forgets the answers if the fields still hold what was sent, else keeps them against the new version. */
export function forget (block, sent) {
  const id = block.dataset.update
  const posted = {
    evidence: text(sent.get(`Updates[${id}].Evidence`)),
    grade: sent.get(`Updates[${id}].Grade`) ?? '',
    explanation: text(sent.get(`Updates[${id}].Explanation`))
  }
  remove(id)
  if (!same(answers(block), posted)) keep(block)
}

/** Puts kept answers back into the form where it shows something else, and says so above the form. */
export function restoreKept (form) {
  const restored = []
  form.querySelectorAll('[data-update]').forEach((block) => {
    const id = block.dataset.update
    const kept = read(id)
    if (!kept || !block.querySelector('[data-save-update]')) return
    if (kept.user !== user) {
      remove(id)
      return
    }
    if (same(answers(block), kept)) {
      // Stored answers are what was kept: the server has them. A refused post's answers are not stored yet.
      if (form.dataset.answers === 'stored') remove(id)
      return
    }

    const { evidence, explanation, grades, version } = fields(block)
    if (evidence) evidence.value = kept.evidence
    if (explanation) explanation.value = kept.explanation
    grades.forEach((g) => { g.checked = g.value === kept.grade })
    // Against the version the user typed on: if someone saved meanwhile, saving shows both answers.
    if (version) version.value = kept.version
    ;[evidence, explanation].forEach((field) => field?.dispatchEvent(new Event('input', { bubbles: true })))
    restored.push(block.querySelector('h3, h4')?.textContent.trim() ?? 'an action')
  })

  if (restored.length > 0) form.before(banner(restored))
}

function banner (names) {
  const element = document.createElement('div')
  element.className = 'govuk-notification-banner'
  element.setAttribute('role', 'region')
  element.setAttribute('aria-labelledby', 'kept-answers-title')
  element.tabIndex = -1
  element.dataset.keptAnswers = ''
  const header = document.createElement('div')
  header.className = 'govuk-notification-banner__header'
  const title = document.createElement('h2')
  title.className = 'govuk-notification-banner__title'
  title.id = 'kept-answers-title'
  title.textContent = 'Important'
  header.append(title)
  const content = document.createElement('div')
  content.className = 'govuk-notification-banner__content'
  const heading = document.createElement('p')
  heading.className = 'govuk-notification-banner__heading'
  heading.textContent = 'We kept what you typed'
  const body = document.createElement('p')
  body.className = 'govuk-body'
  body.textContent = `Your answers to ${names.join(', ')} had not been saved, so this browser kept them and has put them back in the form. ` +
    'They are not saved yet: check them, then select Save.'
  content.append(heading, body)
  element.append(header, content)
  queueMicrotask(() => element.focus())
  return element
}
