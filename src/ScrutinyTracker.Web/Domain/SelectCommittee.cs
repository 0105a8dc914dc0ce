namespace ScrutinyTracker.Web.Domain;

/// <summary>The committee that carried out a review and agreed its action plan.</summary>
public class SelectCommittee
{
    public const int NameMaxLength = 150;

    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>Upper-cased name that keeps names unique whatever the database's collation.</summary>
    public string NormalizedName { get; set; } = "";

    public static string Normalize(string name) => name.Trim().ToUpperInvariant();
}
