using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Shared;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.SelectCommittees;

/// <summary>The list of Select Committees that a review's form offers; officers add and rename them.</summary>
[Authorize(Policy = Policies.ManagePlans)]
[Route("select-committees")]
public sealed class SelectCommitteesController(ScrutinyDbContext db) : Controller
{
    private const string FormPrefix = nameof(SelectCommitteesView.Form);

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new SelectCommitteesView(await ListAsync(cancellationToken), new SelectCommitteeForm()));

    [HttpPost("")]
    public async Task<IActionResult> Add([Bind(Prefix = FormPrefix)] SelectCommitteeForm form, CancellationToken cancellationToken)
    {
        var name = form.Name?.Trim() ?? "";
        if (ModelState.IsValid && await TrySaveAsync(new SelectCommittee { Name = name }, name, cancellationToken))
        {
            TempData["Success"] = $"{name} has been added.";
            return RedirectToAction(nameof(Index));
        }

        return View(nameof(Index), new SelectCommitteesView(await ListAsync(cancellationToken), form));
    }

    [HttpGet("{committeeId:int}/rename")]
    public async Task<IActionResult> Rename(int committeeId, CancellationToken cancellationToken)
    {
        var committee = await db.SelectCommittees.AsNoTracking().SingleOrDefaultAsync(c => c.Id == committeeId, cancellationToken);
        return committee is null
            ? NotFound()
            : View(new RenameSelectCommitteeView(committee.Id, committee.Name, new SelectCommitteeForm { Name = committee.Name }));
    }

    [HttpPost("{committeeId:int}/rename")]
    public async Task<IActionResult> Rename(int committeeId, [Bind(Prefix = FormPrefix)] SelectCommitteeForm form, CancellationToken cancellationToken)
    {
        var committee = await db.SelectCommittees.SingleOrDefaultAsync(c => c.Id == committeeId, cancellationToken);
        if (committee is null)
        {
            return NotFound();
        }

        var currentName = committee.Name;
        var name = form.Name?.Trim() ?? "";
        if (ModelState.IsValid && await TrySaveAsync(committee, name, cancellationToken))
        {
            TempData["Success"] = $"{currentName} has been renamed {name}.";
            return RedirectToAction(nameof(Index));
        }

        return View(new RenameSelectCommitteeView(committeeId, currentName, form));
    }

    /// <summary>When the committee's reviews are due for progress updates, unless a review sets its own.</summary>
    [HttpGet("{committeeId:int}/intervals")]
    public async Task<IActionResult> Intervals(int committeeId, CancellationToken cancellationToken)
    {
        var committee = await db.SelectCommittees.AsNoTracking().SingleOrDefaultAsync(c => c.Id == committeeId, cancellationToken);
        return committee is null
            ? NotFound()
            : View(await IntervalsViewAsync(committee, new IntervalsForm
            {
                FirstUpdateMonths = committee.FirstUpdateMonths,
                FollowUpMonths = committee.FollowUpMonths,
                Version = committee.Version,
            }, cancellationToken));
    }

    [HttpPost("{committeeId:int}/intervals")]
    public async Task<IActionResult> Intervals(int committeeId, [Bind(Prefix = FormPrefix)] IntervalsForm form, CancellationToken cancellationToken)
    {
        var committee = await db.SelectCommittees.SingleOrDefaultAsync(c => c.Id == committeeId, cancellationToken);
        if (committee is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            committee.FirstUpdateMonths = form.FirstUpdateMonths!.Value;
            committee.FollowUpMonths = form.FollowUpMonths!.Value;
            if (await db.TrySaveAsync(committee, form.Version, ModelState, "Select Committee", cancellationToken))
            {
                TempData["Success"] = $"{committee.Name}'s monitoring intervals have been saved.";
                return RedirectToAction(nameof(Index));
            }

            // Someone else saved meanwhile: a second save, deliberately, replaces theirs.
            form.Version = await db.SelectCommittees.AsNoTracking().Where(c => c.Id == committeeId).Select(c => c.Version).SingleAsync(cancellationToken);
        }

        return View(await IntervalsViewAsync(committee, form, cancellationToken));
    }

    private async Task<IntervalsView> IntervalsViewAsync(SelectCommittee committee, IntervalsForm form, CancellationToken cancellationToken) =>
        new(committee.Id, committee.Name,
            await db.Reviews.CountAsync(r => r.SelectCommitteeId == committee.Id && (r.FirstUpdateMonths != null || r.FollowUpMonths != null), cancellationToken),
            form);

    private Task<List<SelectCommitteeItem>> ListAsync(CancellationToken cancellationToken) =>
        db.SelectCommittees.AsNoTracking()
            .OrderBy(c => c.Name)
            .Select(c => new SelectCommitteeItem(c.Id, c.Name, db.Reviews.Count(r => r.SelectCommitteeId == c.Id), c.FirstUpdateMonths, c.FollowUpMonths))
            .ToListAsync(cancellationToken);

    /// <summary>Names are unique whatever their case; the unique index on the normalised name settles a race.</summary>
    private async Task<bool> TrySaveAsync(SelectCommittee committee, string name, CancellationToken cancellationToken)
    {
        var normalized = SelectCommittee.Normalize(name);
        if (!await NameTakenAsync(normalized, committee.Id, cancellationToken))
        {
            committee.Name = name;
            committee.NormalizedName = normalized;
            if (committee.Id == 0)
            {
                db.SelectCommittees.Add(committee);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                if (!await NameTakenAsync(normalized, committee.Id, cancellationToken))
                {
                    throw;
                }
            }
        }

        ModelState.AddModelError($"{FormPrefix}.{nameof(SelectCommitteeForm.Name)}", $"There is already a Select Committee called {name}");
        return false;
    }

    private Task<bool> NameTakenAsync(string normalizedName, int exceptId, CancellationToken cancellationToken) =>
        db.SelectCommittees.AnyAsync(c => c.NormalizedName == normalizedName && c.Id != exceptId, cancellationToken);
}
