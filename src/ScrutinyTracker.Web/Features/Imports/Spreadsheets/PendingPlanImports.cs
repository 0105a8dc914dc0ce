using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace ScrutinyTracker.Web.Features.Imports.Spreadsheets;

/// <summary>What the preview showed, waiting for the officer to confirm it.</summary>
public sealed record PendingPlanImport(int ReviewId, string UserId, string FileName, ImportedPlan Plan);

/// <summary>
/// Keeps a previewed import between the preview and the confirmation without writing anything: the plan
/// read from the file travels in the confirmation form, encrypted and signed with ASP.NET Core Data
/// Protection, so it cannot be read or changed on the way, is accepted only for the same review and
/// user, and expires after <see cref="Lifetime"/>. A plan is a few kilobytes; the file is not kept.
/// </summary>
public sealed class PendingPlanImports(IDataProtectionProvider provider)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    private readonly ITimeLimitedDataProtector _protector =
        provider.CreateProtector("ScrutinyTracker.Imports.Spreadsheets.PendingPlanImport").ToTimeLimitedDataProtector();

    public string Protect(PendingPlanImport pending) => _protector.Protect(JsonSerializer.Serialize(pending), Lifetime);

    /// <returns>Null when the token was changed, has expired, or is for another review or user.</returns>
    public PendingPlanImport? Unprotect(string? token, int reviewId, string? userId)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var pending = JsonSerializer.Deserialize<PendingPlanImport>(_protector.Unprotect(token));
            return pending is not null && pending.ReviewId == reviewId && pending.UserId == userId ? pending : null;
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }
}
