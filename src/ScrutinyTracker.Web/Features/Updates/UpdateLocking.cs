using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.Updates;

public static class UpdateLocking
{
    /// <summary>
    /// Drafts and returned updates can be changed; submitted ones wait for the scrutiny officer, and
    /// accepted ones are locked until an officer reopens them.
    /// </summary>
    public static bool IsOpenForEditing(UpdateStatus status) => status is UpdateStatus.Draft or UpdateStatus.Returned;
}
