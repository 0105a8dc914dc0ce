using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ScrutinyTracker.Web.Infrastructure.Security;

/// <summary>A user signed in with a one-time password may do nothing but choose their own password or sign out.</summary>
public sealed class MustChangePasswordFilter : IAsyncAuthorizationFilter
{
    public Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var user = context.HttpContext.User;
        if (user.HasClaim(ScrutinyClaimsPrincipalFactory.MustChangePasswordClaim, "true")
            && context.ActionDescriptor.EndpointMetadata.OfType<AllowedBeforePasswordChangeAttribute>().Any() is false)
        {
            context.Result = new RedirectToActionResult("ChangePassword", "Account", null);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Marks the few actions a user may reach while they must still change their one-time password.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class AllowedBeforePasswordChangeAttribute : Attribute;
