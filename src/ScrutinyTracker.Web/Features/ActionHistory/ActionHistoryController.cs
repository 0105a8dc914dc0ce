using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.ActionHistory;

/// <summary>Who changed what and when for one action and its updates. Read-only: the audit trail is never edited.</summary>
[Authorize(Policy = Policies.ReadAudit)]
public sealed class ActionHistoryController(ActionHistoryQuery query, ReviewAccess access) : Controller
{
    [HttpGet("actions/{actionId:int}/history")]
    public async Task<IActionResult> History(int actionId, int page = 1, CancellationToken cancellationToken = default)
    {
        var history = await query.RunAsync(actionId, page, cancellationToken);
        return history is null || !await access.CanReadAsync(history.ReviewId, cancellationToken) ? NotFound() : View(history);
    }
}
