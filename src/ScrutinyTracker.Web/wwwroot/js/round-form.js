// The round form, with JavaScript: each action's answers are saved in the background a few seconds
// after the link officer stops typing, and its "Save" button saves it without leaving the page,
// showing "Saved at 14:02". Without JavaScript the buttons post the whole form and nothing is lost.
const form = document.querySelector('[data-round-form]')
const quietSeconds = 3

if (form) {
  const latest = new Map() // update id -> its latest save, so an action's saves run one after another
  const timers = new Map() // update id -> its pending background save
  const inFlight = new Set()

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
      clearTimeout(timers.get(id))
      timers.set(id, setTimeout(save, quietSeconds * 1000))
    }
    block.addEventListener('input', schedule)
    block.addEventListener('change', schedule)

    button.addEventListener('click', async (event) => {
      event.preventDefault()
      if (!(await save())) {
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

  async function saveAction (id, url, status) {
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
      return true
    } catch {
      status.textContent = 'Not saved. Check your connection, then select Save.'
      return false
    }
  }
}
