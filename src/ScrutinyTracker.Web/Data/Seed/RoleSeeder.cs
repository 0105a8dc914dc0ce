using Microsoft.AspNetCore.Identity;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Data.Seed;

/// <summary>The four roles exist in every environment; they are part of the product, not demo data.</summary>
public static class RoleSeeder
{
    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                var result = await roles.CreateAsync(new IdentityRole(role));
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Could not create the role {role}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
                }
            }
        }
    }
}
