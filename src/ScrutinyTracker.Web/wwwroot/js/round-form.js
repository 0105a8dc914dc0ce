// The round form, with JavaScript: each action's answers are saved in the background a few seconds
// after the link officer stops typing, and its "Save" button saves it without leaving the page,
// showing "Saved at 14:02". Without JavaScript the buttons post the whole form and nothing is lost.
//
// Until the server has them, an action's answers are also kept in this tab's sessionStorage (keyed by
// update, with the version the user started from), so that neither a session that ended nor a post
// the server could not read loses them: opening the form again puts them back and says so.
import { keep, forget, restoreKept } from './kept-answers.js'

const form = document.querySelector('[data-round-form]')
const quietSeconds = 3

if (form) {
  const latest = new Map() // update id -> its latest save, so an action's saves run one after another
  const timers = new Map() // update id -> its pending background save
  const inFlight = new Set()

  restoreKept(form)

  form.querySelectorAll('[data-update]').forEach((block) => {
    const button = block.querySelector('[data-save-update]')
    if (!button) return
    const id = block.dataset.update
    const status = block.querySelector('[data-save-status]')

    const save = () => {
      clearTimeout(timers.get(id))
      const next = (latest.get(id) ?? Promise.resolve()).then(() => saveAction(id, button.formAction, status))
      latest.set(id, next)
      inFlight.add(next)
      next.finally(() => inFlight.delete(next))
      return next
    }

    const schedule = () => {
      keep(block)
      clearTimeout(timers.get(id))
      timers.set(id, setTimeout(save, quietSeconds * 1000))
    }
    block.addEventListener('input', schedule)
    block.addEventListener('change', schedule)

    button.addEventListener('click', async (event) => {
      event.preventDefault()
      const saved = await save()
      if (saved === false) {
        // Let the server show why, with everything typed kept.
        form.requestSubmit(button)
      }
    })
  })

  // "Save all" and "Submit" post the whole form. Saves still running finish first, so that the form
  // carries the versions they produced; the form is then submitted again from a new task (a form
  // cannot be resubmitted while its submit event is still being handled).
  form.addEventListener('submit', (event) => {
    timers.forEach((timer) => clearTimeout(timer))
    if (inFlight.size === 0) return
    event.preventDefault()
    const submitter = event.submitter
    Promise.allSettled([...inFlight]).then(() => setTimeout(() => form.requestSubmit(submitter)))
  })

  // True when saved; 'signed-out' when the session has ended (the answers stay kept); false otherwise.
  async function saveAction (id, url, status) {
    const block = form.querySelector(`[data-update="${id}"]`)
    const all = new FormData(form)
    const data = new FormData()
    for (const [name, value] of all) {
      if (name === '__RequestVerificationToken' || name.startsWith(`Updates[${id}].`)) {
        data.append(name, value)
      }
    }

    try {
      const response = await fetch(url, {
        method: 'POST',
        body: data,
        credentials: 'same-origin',
        headers: { 'X-Requested-With': 'fetch', Accept: 'application/json' }
      })
      if (response.status === 401) {
        signedOut(status)
        return 'signed-out'
      }
      const answer = await response.json().catch(() => ({}))
      if (!response.ok) {
        status.textContent = answer.errors?.length ? `Not saved: ${answer.errors[0]}` : 'Not saved. Select Save to see why.'
        return false
      }

      for (const [updateId, version] of Object.entries(answer.versions ?? {})) {
        const field = form.querySelector(`input[name="Updates[${updateId}].Version"]`)
        if (field) field.value = version
      }
      status.textContent = `Saved at ${answer.savedAt}`
      forget(block, data)
      if (answer.session) document.dispatchEvent(new CustomEvent('scrutinytracker:session', { detail: answer.session }))
      return true
    } catch {
      status.textContent = 'Not saved. Check your connection, then select Save.'
      return false
    }
  }

  function signedOut (status) {
    const link = document.createElement('a')
    link.className = 'govuk-link'
    link.href = `/account/sign-in?ReturnUrl=${encodeURIComponent(location.pathname + location.search)}`
    link.textContent = 'Sign in again'
    status.replaceChildren('Not saved: you have been signed out. What you typed is kept in this browser tab. ', link, ' to save it.')
  }
}
