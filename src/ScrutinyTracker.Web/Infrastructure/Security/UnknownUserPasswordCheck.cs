using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Infrastructure.Security;

/// <summary>
/// Verifies a password against a hash made with the app's own password hasher (so the same algorithm
/// and iteration count as every real account), for sign-ins with an email that has no account: they
/// cost what a wrong password for a real account costs, so timing does not tell which emails exist.
/// </summary>
public sealed class UnknownUserPasswordCheck(IPasswordHasher<ApplicationUser> hasher)
{
    private static readonly ApplicationUser Nobody = new() { DisplayName = "", UserName = "nobody@invalid.invalid" };
    private static string? _hash;

    public void Verify(string password)
    {
        _hash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        _ = hasher.VerifyHashedPassword(Nobody, _hash, password);
    }
}
