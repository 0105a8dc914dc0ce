namespace ScrutinyTracker.Web.Domain;

/// <summary>
/// An entity edited through forms. <see cref="Version"/> is an optimistic concurrency token that the
/// app renews on every save (SQLite has no rowversion, so both providers use the same app-set token).
/// </summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
