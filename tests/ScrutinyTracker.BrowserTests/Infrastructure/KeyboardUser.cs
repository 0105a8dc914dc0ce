using System.Text.Json;
using Microsoft.Playwright;

namespace ScrutinyTracker.BrowserTests.Infrastructure;

/// <summary>
/// Someone who uses only the keyboard: Tab and Shift+Tab to move, Space and the arrow keys for radios
/// and buttons, Enter for links and submitting, and typing. Wherever Tab stops, the focus must be
/// visible: GOV.UK's focus colour (#ffdd00) in the control's outline, shadow or background, or, for
/// GOV.UK radios and checkboxes, whose inputs are hidden, in the ring their label draws.
/// </summary>
public sealed class KeyboardUser(IPage page)
{
    private const int MaxPresses = 80;

    /// <summary>Describes the focused element, records it as reached and says whether its focus shows.</summary>
    private const string FocusedElementScript = """
        () => {
          const el = document.activeElement;
          if (!el || el === document.body) return { name: '(nothing: the page itself)', visible: true };
          (window.__keyboardStops ??= new Set()).add(el);
          const focus = 'rgb(255, 221, 0)';
          const shows = s => (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && s.outlineColor === focus)
            || s.boxShadow.includes(focus) || s.backgroundColor === focus;
          const styles = [getComputedStyle(el)];
          if (el.matches('input[type=radio], input[type=checkbox]')) {
            for (const label of el.labels) styles.push(getComputedStyle(label, '::before'), getComputedStyle(label, '::after'));
          }
          const name = (el.getAttribute('aria-label') || el.labels?.[0]?.innerText || el.innerText || el.value || el.id || '').replace(/\s+/g, ' ').trim();
          return { name: `${el.tagName.toLowerCase()} "${name}"`, visible: styles.some(shows) };
        }
        """;

    /// <summary>The controls in a part of the page that Tab never stopped at; a radio group counts as reached through any of its radios.</summary>
    private const string UnreachedControlsScript = """
        root => {
          const stops = [...(window.__keyboardStops ?? [])];
          const reached = c => stops.includes(c) || (c.type === 'radio' && stops.some(s => s.type === 'radio' && s.name === c.name));
          return [...root.querySelectorAll('a[href], button, input:not([type=hidden]), textarea, select, summary, [tabindex]:not([tabindex="-1"])')]
            .filter(c => !c.disabled && c.getClientRects().length > 0 && !reached(c))
            .map(c => `${c.tagName.toLowerCase()} ${c.id || c.name || c.innerText.trim()}`);
        }
        """;

    public Task PressAsync(string key) => page.Keyboard.PressAsync(key);

    /// <summary>Types into the focused field; "\n" presses Enter, which in a text area starts a new line.</summary>
    public Task TypeAsync(string text) => page.Keyboard.TypeAsync(text);

    /// <summary>Presses Tab (or Shift+Tab) once; wherever focus lands must show it.</summary>
    public async Task<string> TabAsync(bool backwards = false)
    {
        await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
        var focused = await FocusedAsync();
        focused.Visible.ShouldBeTrue($"{focused.Name} has focus but shows no visible focus indicator");
        return focused.Name;
    }

    /// <summary>Presses Tab (or Shift+Tab) until <paramref name="target"/> has focus, as someone looking for it would.</summary>
    public async Task TabToAsync(ILocator target, bool backwards = false)
    {
        var passed = new List<string>();
        for (var presses = 0; presses < MaxPresses; presses++)
        {
            if (await HasFocusAsync(target))
            {
                return;
            }

            passed.Add(await TabAsync(backwards));
        }

        throw new ShouldAssertException($"{target} could not be reached with {(backwards ? "Shift+Tab" : "Tab")}; focus went through: {string.Join(", ", passed)}");
    }

    /// <summary>
    /// Tabs from where focus is (the top of a page just loaded) through the whole of <paramref name="part"/>
    /// and fails for any control in it that Tab never reached, or that showed no focus.
    /// </summary>
    public async Task ShouldReachEveryControlAsync(ILocator part)
    {
        var entered = false;
        for (var presses = 0; presses < MaxPresses * 2; presses++)
        {
            await TabAsync();
            var focus = await part.EvaluateAsync<JsonElement>("root => ({ inside: root.contains(document.activeElement), pageEnd: document.activeElement === document.body })");
            var inside = focus.GetProperty("inside").GetBoolean();
            if ((entered && !inside) || focus.GetProperty("pageEnd").GetBoolean())
            {
                (await part.EvaluateAsync<string[]>(UnreachedControlsScript)).ShouldBeEmpty("these controls cannot be reached with Tab");
                return;
            }

            entered |= inside;
        }

        throw new ShouldAssertException($"Tab did not get through {part} in {MaxPresses * 2} presses");
    }

    /// <summary>The focus is on <paramref name="target"/> (document.activeElement), and shows.</summary>
    public async Task ShouldBeOnAsync(ILocator target)
    {
        var focused = await FocusedAsync();
        (await HasFocusAsync(target)).ShouldBeTrue($"focus should be on {target} but is on {focused.Name}");
        focused.Visible.ShouldBeTrue($"{focused.Name} has focus but shows no visible focus indicator");
    }

    private static Task<bool> HasFocusAsync(ILocator target) => target.EvaluateAsync<bool>("el => el === document.activeElement");

    private async Task<(string Name, bool Visible)> FocusedAsync()
    {
        var focused = await page.EvaluateAsync<JsonElement>(FocusedElementScript);
        return (focused.GetProperty("name").GetString()!, focused.GetProperty("visible").GetBoolean());
    }
}
