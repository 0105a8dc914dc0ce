using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.Shared;

/// <summary>Saves an entity changed from a form that carried the entity's <see cref="IVersioned.Version"/>.</summary>
public static class VersionedEdit
{
    /// <summary>
    /// Saves unless someone else saved the entity since the form was read. Then it adds an error saying
    /// so and puts the current version in the form's hidden field, so the user, their input kept, can
    /// save again deliberately.
    /// </summary>
    public static async Task<bool> TrySaveAsync<T>(
        this ScrutinyDbContext db, T entity, Guid formVersion, ModelStateDictionary modelState, string what, CancellationToken cancellationToken)
        where T : class, IVersioned
    {
        var version = db.Entry(entity).Property(e => e.Version);
        version.OriginalValue = formVersion;
        // Checked even when only related rows (such as link officers) changed.
        version.IsModified = true;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await db.Entry(entity).GetDatabaseValuesAsync(cancellationToken);
            var currentVersion = current?.GetValue<Guid>(nameof(IVersioned.Version)) ?? Guid.Empty;
            modelState.SetModelValue(nameof(IVersioned.Version), currentVersion.ToString(), currentVersion.ToString());
            modelState.AddModelError("", $"Someone else changed this {what} while you were editing it. Your changes have not been saved: check them and save again to replace theirs.");
            return false;
        }
    }
}
