using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure;

namespace ScrutinyTracker.Web.Features.Public;

/// <summary>
/// A public answer's validators: an <c>ETag</c> and <c>Last-Modified</c> worked out from the audit trail
/// (every change to what a public page shows writes an audit row of its review, or of a Select Committee),
/// the review's publication, today's date (pages say what is overdue) and this run of the app (its
/// settings and templates), in one query, before anything is read or rendered: a conditional GET that
/// matches answers 304 at the cost of that query (decision 0019).
/// </summary>
public sealed class PublicFreshness(ScrutinyDbContext db, TimeProvider clock)
{
    private static readonly string ThisRun = $"{typeof(PublicFreshness).Assembly.ManifestModule.ModuleVersionId:N}-{DateTime.UtcNow.Ticks}";
    private static readonly DateTime Started = DateTime.UtcNow;

    /// <returns>Null when the review is not published.</returns>
    public async Task<PublicStamp?> OfReviewAsync(int reviewId, CancellationToken cancellationToken)
    {
        var facts = await db.Reviews.AsNoTracking()
            .Where(r => r.Id == reviewId && r.PublishedAtUtc != null)
            .Select(r => new
            {
                r.PublishedAtUtc,
                ReviewChange = db.AuditEntries.Where(a => a.ReviewId == reviewId).Max(a => (long?)a.Id),
                ReviewChangedAt = db.AuditEntries.Where(a => a.ReviewId == reviewId).Max(a => (DateTime?)a.AtUtc),
                CommitteeChange = db.AuditEntries.Where(a => a.EntityType == nameof(SelectCommittee)).Max(a => (long?)a.Id),
                CommitteeChangedAt = db.AuditEntries.Where(a => a.EntityType == nameof(SelectCommittee)).Max(a => (DateTime?)a.AtUtc),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return facts is null
            ? null
            : Stamp($"review {reviewId} {facts.PublishedAtUtc!.Value.Ticks} {facts.ReviewChange} {facts.CommitteeChange}",
                Latest(facts.PublishedAtUtc.Value, facts.ReviewChangedAt, facts.CommitteeChangedAt));
    }

    /// <summary>For answers about every published review (the list, the open data): any change anywhere.</summary>
    public async Task<PublicStamp> OfAllAsync(CancellationToken cancellationToken)
    {
        var last = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id)
            .Select(a => new LastChange(a.Id, a.AtUtc)).FirstOrDefaultAsync(cancellationToken);
        return Stamp($"all {last?.Id}", Latest(Started, last?.AtUtc));
    }

    private PublicStamp Stamp(string what, DateTime lastChangedUtc)
    {
        // The pages word what is due or overdue by the UK's date, so a new UK day is a new version of them.
        var today = UkTime.Today(clock);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{ThisRun} {today:yyyy-MM-dd} {what}"));
        return new PublicStamp(Convert.ToHexStringLower(hash.AsSpan(0, 16)), Latest(lastChangedUtc, UkTime.StartOfTodayUtc(clock), Started));
    }

    private static DateTime Latest(DateTime first, params DateTime?[] others) =>
        others.OfType<DateTime>().Append(first).Max();

    private sealed record LastChange(long Id, DateTime AtUtc);
}

/// <summary>The validators of one public answer.</summary>
public sealed record PublicStamp(string Tag, DateTime LastModifiedUtc)
{
    /// <summary>
    /// Sets <c>ETag</c>, <c>Last-Modified</c> and <c>Cache-Control</c> (any cache may keep the answer but must
    /// ask again each time, so a withdrawal is seen at once; signed-in readers' pages carry their navigation,
    /// so those are private), and says whether the request's conditions show the reader already has it.
    /// </summary>
    public bool ApplyTo(HttpContext context)
    {
        var signedIn = context.User.Identity?.IsAuthenticated == true;
        var etag = new EntityTagHeaderValue($"\"{Tag}{(signedIn ? "-" + context.User.Identity!.Name!.GetHashCode(StringComparison.Ordinal).ToString("x", System.Globalization.CultureInfo.InvariantCulture) : "")}\"");
        var lastModified = new DateTimeOffset(LastModifiedUtc.Ticks - (LastModifiedUtc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var response = context.Response.GetTypedHeaders();
        response.ETag = etag;
        response.LastModified = lastModified;
        response.CacheControl = new CacheControlHeaderValue { Public = !signedIn, Private = signedIn, NoCache = true };
        context.Response.Headers.Vary = "Cookie";

        var request = context.Request.GetTypedHeaders();
        if (request.IfNoneMatch.Count > 0)
        {
            return request.IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false));
        }

        return request.IfModifiedSince is { } since && lastModified <= since;
    }
}
