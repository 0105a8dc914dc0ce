using Microsoft.AspNetCore.Identity;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Infrastructure.Security;

/// <summary>Every account's name is its email address, valid by <see cref="EmailAddresses"/>, on every path that saves a user.</summary>
public sealed class EmailUserNameValidator : IUserValidator<ApplicationUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user) =>
        Task.FromResult(EmailAddresses.IsValid(user.UserName) && EmailAddresses.IsValid(user.Email)
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityErrorDescriber().InvalidEmail(user.Email)));
}
