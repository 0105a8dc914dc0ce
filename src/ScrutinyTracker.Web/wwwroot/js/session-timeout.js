// The GOV.UK timeout warning. The page says when the session ends (data-expires-at, in server time,
// with data-server-now, so a browser whose clock is wrong still counts correctly). Shortly before
// the end a modal dialog offers "Stay signed in" (Escape does the same) and "Sign out"; if the time
// runs out the user is signed out and taken to sign in again, which brings them back to this page.
// Tabs share the latest end they know of in localStorage, so a tab left open does not sign out a
// user who is busy in another one. Without JavaScript the dialog never opens.
const dialog = document.querySelector('[data-session-timeout]')
const sharedKey = 'scrutinytracker.session-ends'

if (dialog && typeof dialog.showModal === 'function') {
  const warnMs = Number(dialog.dataset.warnSeconds) * 1000
  const countdown = dialog.querySelector('[data-countdown]')
  const announcement = dialog.querySelector('[data-countdown-announcement]')
  const signOutForm = dialog.querySelector('[data-timeout-sign-out]')
  let endsAt = learn(dialog.dataset.expiresAt, dialog.dataset.serverNow)
  let returnFocus = null
  let signingOut = false

  // When the session ends, in the browser's clock; shared with the other tabs.
  function learn (expiresAt, serverNow) {
    const ends = Date.parse(expiresAt) + (Date.now() - Date.parse(serverNow))
    if (ends > shared()) {
      try { localStorage.setItem(sharedKey, String(ends)) } catch { /* storage off: this tab alone */ }
    }
    return ends
  }

  function shared () {
    try { return Number(localStorage.getItem(sharedKey)) || 0 } catch { return 0 }
  }

  const left = () => Math.max(endsAt, shared()) - Date.now()

  function inWords (ms) {
    if (ms >= 60000) {
      const minutes = Math.ceil(ms / 60000)
      return `in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`
    }
    const seconds = Math.max(1, Math.ceil(ms / 1000))
    return `in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}`
  }

  function check () {
    const remaining = left()
    if (remaining <= 0) {
      signOut()
    } else if (remaining <= warnMs) {
      if (!dialog.open) {
        returnFocus = document.activeElement
        dialog.showModal()
      }
      countdown.textContent = inWords(remaining)
      // Screen readers hear the minutes change, not every second.
      const spoken = remaining >= 60000 ? `We will sign you out ${inWords(remaining)}.` : 'We will sign you out in less than a minute.'
      if (announcement.textContent !== spoken) announcement.textContent = spoken
    } else if (dialog.open) {
      close()
    }
  }

  function close () {
    dialog.close()
    if (returnFocus && typeof returnFocus.focus === 'function') returnFocus.focus()
  }

  async function stay () {
    try {
      const response = await fetch(dialog.dataset.stayUrl, {
        method: 'POST',
        body: new FormData(signOutForm),
        credentials: 'same-origin',
        headers: { 'X-Requested-With': 'fetch', Accept: 'application/json' }
      })
      if (response.status === 401) return signOut()
      if (!response.ok) throw new Error(`HTTP ${response.status}`)
      const end = await response.json()
      endsAt = learn(end.expiresAt, end.serverNow)
      close()
    } catch {
      announcement.textContent = 'We could not reach ScrutinyTracker. Check your connection, then select Stay signed in again.'
    }
  }

  async function signOut () {
    if (signingOut) return
    signingOut = true
    try {
      await fetch(signOutForm.action, {
        method: 'POST',
        body: new FormData(signOutForm),
        credentials: 'same-origin',
        redirect: 'manual',
        headers: { 'X-Requested-With': 'fetch' }
      })
    } catch { /* the session ends on the server anyway */ }
    const back = location.pathname + location.search
    location.assign(`${dialog.dataset.signInUrl}?timedOut=true&ReturnUrl=${encodeURIComponent(back)}`)
  }

  dialog.querySelector('[data-stay-signed-in]').addEventListener('click', stay)
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault()
    stay()
  })
  // A background save renewed the session: its answer says until when.
  document.addEventListener('scrutinytracker:session', (event) => {
    if (event.detail) endsAt = learn(event.detail.expiresAt, event.detail.serverNow)
    check()
  })
  window.addEventListener('storage', (event) => { if (event.key === sharedKey) check() })
  document.addEventListener('visibilitychange', check)
  setInterval(check, 1000)
  check()
}
