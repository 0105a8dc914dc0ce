using Microsoft.AspNetCore.Identity;
using ScrutinyTracker.Web.Domain;
using Zxcvbn.Matcher;

namespace ScrutinyTracker.Web.Infrastructure.Security;

/// <summary>
/// Refuses passwords that are quick to guess: common and breached-style passwords, keyboard patterns,
/// dates, and passwords built from the person's own name or email or this service's name. Identity runs
/// every password validator on every path that sets a password (create, change, reset, add), so this one
/// rule covers the change-password page, one-time passwords, create-admin and password reset by email.
/// </summary>
public sealed class StrongPasswordValidator : IPasswordValidator<ApplicationUser>
{
    public const string ErrorCode = "PasswordTooGuessable";

    /// <summary>zxcvbn's score 3: about 10^8 guesses or more ("safely unguessable" against online attack and slow offline hashing).</summary>
    public const int MinimumScore = 3;

    private static readonly string[] ServiceWords = ["scrutiny", "scrutinytracker", "tracker", "council", "committee", "select", "review", "cabinet"];

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var reason = WhyGuessable(password, PersonalWords(user));
        return Task.FromResult(reason is null
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = Message(reason) }));
    }

    public static string Message(string reason) =>
        $"Choose a password that is harder to guess: {reason}. Try three or four random words together, "
        + "and avoid names, dates, keyboard patterns and words to do with your council or this service";

    /// <summary>Null when the password is strong enough, otherwise why it is not, in words a person can act on.</summary>
    public static string? WhyGuessable(string password, IEnumerable<string> personalWords)
    {
        var result = Zxcvbn.Zxcvbn.MatchPassword(password, ServiceWords.Concat(personalWords).Where(w => w.Length >= 3).Distinct());
        if (result.Score >= MinimumScore)
        {
            return null;
        }

        var matches = result.MatchSequence.ToList();
        return matches.OfType<DictionaryMatch>().FirstOrDefault(m => m.DictionaryName == "user_inputs") is not null
                ? "it contains your name, your email address or the name of this service"
            : matches.OfType<DictionaryMatch>().FirstOrDefault(m => m.DictionaryName == "passwords" && m.Token.Length >= 4) is { } common
                ? $"it is built on ‘{common.MatchedWord}’, one of the most commonly used passwords"
            : matches.Any(m => m.Pattern is "spatial") ? "it contains a keyboard pattern"
            : matches.Any(m => m.Pattern is "repeat" or "sequence") ? "it contains repeated characters or a sequence such as ‘abcd’ or ‘1234’"
            : matches.Any(m => m.Pattern is "date") ? "it contains a date"
            : "it is made of common words or names that are quick to guess";
    }

    private static IEnumerable<string> PersonalWords(ApplicationUser user)
    {
        foreach (var value in new[] { user.Email, user.UserName, user.DisplayName })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            yield return value;
            foreach (var part in value.Split(['@', '.', ' ', '-', '_', '\''], StringSplitOptions.RemoveEmptyEntries))
            {
                yield return part;
            }
        }
    }
}
