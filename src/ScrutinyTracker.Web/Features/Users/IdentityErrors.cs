using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ScrutinyTracker.Web.Features.Users;

/// <summary>Identity's refusals as messages on the account forms' fields: address problems on Email, the rest on the password field.</summary>
public static class IdentityErrors
{
    public static bool AddTo(ModelStateDictionary modelState, IdentityResult result, string passwordField)
    {
        foreach (var error in result.Errors)
        {
            var field = error.Code switch
            {
                nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)
                    or nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) => "Email",
                nameof(IdentityErrorDescriber.ConcurrencyFailure) => "",
                _ => passwordField,
            };
            var message = error.Code switch
            {
                nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) => "There is already an account with this email address",
                nameof(IdentityErrorDescriber.ConcurrencyFailure) => "Someone else changed this account while you were editing it. Check their changes, then make yours again.",
                _ => error.Description,
            };
            if (!modelState[field]?.Errors.Any(e => e.ErrorMessage == message) ?? true)
            {
                modelState.AddModelError(field, message);
            }
        }

        return result.Succeeded;
    }
}
