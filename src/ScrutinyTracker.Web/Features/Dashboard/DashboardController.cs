using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.Dashboard;

/// <summary>Where every review stands: grades, % fully achieved, when the next update is due.</summary>
[Authorize(Policy = Policies.ReadReports)]
public sealed class DashboardController(DashboardQuery dashboard) : Controller
{
    [HttpGet("dashboard")]
    public async Task<IActionResult> Index([FromQuery] DashboardFilter filter, CancellationToken cancellationToken = default) =>
        View(await dashboard.LoadAsync(filter, cancellationToken));
}
