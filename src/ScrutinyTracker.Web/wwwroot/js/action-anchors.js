// A link to an action (#action-N, as search results give) points into the report's table. On a phone the
// table is hidden and each action is a card instead, so the browser cannot scroll to the anchor: go to
// the action's card.
function goToActionCard() {
  const match = /^#action-(\d+)$/.exec(window.location.hash);
  if (!match) {
    return;
  }

  const anchor = document.getElementById(`action-${match[1]}`);
  const card = document.getElementById(`action-${match[1]}-card`);
  if (anchor && card && anchor.getClientRects().length === 0) {
    card.scrollIntoView();
  }
}

goToActionCard();
window.addEventListener('hashchange', goToActionCard);
