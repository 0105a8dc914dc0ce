using System.Text.Json;
using Microsoft.Playwright;

namespace ScrutinyTracker.BrowserTests.Infrastructure;

/// <summary>
/// What axe-core cannot see on a page as laid out at one width: sideways scrolling (WCAG 1.4.10 Reflow)
/// and targets smaller than 24 × 24 CSS px without the spacing or inline exceptions (WCAG 2.5.8).
/// Each problem is one sentence naming the element, for a crawl's report.
/// </summary>
public static class LayoutChecks
{
    /// <summary>
    /// The page must not scroll sideways; if it does, the elements that stick out past the window's right
    /// edge (the outermost of each, outside any region that scrolls on its own) are named.
    /// </summary>
    private const string SidewaysScrollScript = """
        () => {
          const doc = document.documentElement;
          if (doc.scrollWidth <= doc.clientWidth) return null;
          const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + [...el.classList].map(c => '.' + c).join('');
          const scrollsOnItsOwn = el => {
            for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
              if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(a).overflowX)) return true;
            }
            return false;
          };
          const sticksOut = el => el.getBoundingClientRect().right > doc.clientWidth + 0.5;
          const text = el => `"${(el.innerText || '').replace(/\s+/g, ' ').trim().slice(0, 40)}"`;
          const all = [...document.body.querySelectorAll('*')].filter(el => !scrollsOnItsOwn(el));
          const tooWide = all
            .filter(el => sticksOut(el) && !(el.parentElement && el.parentElement !== document.body && sticksOut(el.parentElement)))
            .map(el => `${name(el)} (${Math.round(el.getBoundingClientRect().width)} px wide, ${text(el)})`);
          // Text that does not fit its box (a long word) spills out without widening the box itself.
          const overflows = el => el.clientWidth > 1 && el.scrollWidth > el.clientWidth + 1;
          const spilling = all
            .filter(el => overflows(el) && getComputedStyle(el).overflowX === 'visible' && ![...el.children].some(overflows))
            .map(el => `${name(el)} (${el.scrollWidth} px of content in ${el.clientWidth} px, ${text(el)})`);
          const culprits = [...tooWide, ...spilling].slice(0, 5);
          return `scrolls sideways: ${doc.scrollWidth} px wide in a ${doc.clientWidth} px window; too wide: ${culprits.join('; ') || '(no single element)'}`;
        }
        """;

    /// <summary>
    /// Every visible target at least 24 × 24 px, or undersized but spaced (a 24 px circle on its centre
    /// touches no other target nor another undersized target's circle), or a link inside a sentence.
    /// </summary>
    private const string SmallTargetsScript = """
        () => {
          const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex]:not([tabindex="-1"])';
          const shown = el => {
            const r = el.getBoundingClientRect();
            const s = getComputedStyle(el);
            // GOV.UK radios and checkboxes are transparent inputs laid over their drawn box: still the target.
            const transparentChoice = el.matches('input[type=radio], input[type=checkbox]');
            return r.width > 1 && r.height > 1 && s.visibility !== 'hidden' && (parseFloat(s.opacity) > 0 || transparentChoice);
          };
          const targets = [...document.querySelectorAll(selector)].filter(shown).map(el => {
            const r = el.getBoundingClientRect();
            return { el, r, cx: r.left + r.width / 2, cy: r.top + r.height / 2, small: r.width < 23.5 || r.height < 23.5 };
          });
          const textOutsideTargets = block => {
            const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const parent = node.parentElement;
              if (!node.textContent.trim() || parent.closest(selector) || parent.closest('.govuk-visually-hidden')) continue;
              if (parent.getClientRects().length > 0) return true;
            }
            return false;
          };
          const inSentence = el => {
            if (getComputedStyle(el).display !== 'inline') return false;
            let block = el.parentElement;
            while (block && getComputedStyle(block).display === 'inline') block = block.parentElement;
            return block ? textOutsideTargets(block) : false;
          };
          const circleTouchesRect = (t, r) => {
            const dx = Math.max(r.left - t.cx, 0, t.cx - r.right), dy = Math.max(r.top - t.cy, 0, t.cy - r.bottom);
            return dx * dx + dy * dy < 12 * 12;
          };
          const related = (a, b) => a.contains(b) || b.contains(a) || (a.labels && [...a.labels].some(l => l.contains(b)));
          const name = el => (el.getAttribute('aria-label') || el.innerText || el.value || el.id || el.name || el.tagName).replace(/\s+/g, ' ').trim().slice(0, 50);
          return targets
            .filter(t => t.small && !inSentence(t.el))
            .map(t => ({ t, near: targets.find(o => o !== t && !related(t.el, o.el)
              && (circleTouchesRect(t, o.r) || (o.small && Math.hypot(o.cx - t.cx, o.cy - t.cy) < 24))) }))
            .filter(x => x.near)
            .map(({ t, near }) => `target "${name(t.el)}" is ${Math.round(t.r.width)} × ${Math.round(t.r.height)} px and too close to "${name(near.el)}"`);
        }
        """;

    public static async Task<IReadOnlyList<string>> ProblemsAsync(IPage page)
    {
        var problems = new List<string>();
        if (await page.EvaluateAsync<string?>(SidewaysScrollScript) is { } sideways)
        {
            problems.Add(sideways);
        }

        var small = await page.EvaluateAsync<JsonElement>(SmallTargetsScript);
        problems.AddRange(small.EnumerateArray().Select(s => s.GetString()!));
        return problems;
    }
}
