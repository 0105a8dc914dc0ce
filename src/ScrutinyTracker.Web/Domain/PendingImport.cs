namespace ScrutinyTracker.Web.Domain;

/// <summary>
/// An uploaded Word document waiting between its preview and the officer's confirmation. Kept in the
/// database, not in memory, so a restart or a second app instance loses nothing; only its owner may
/// see, confirm or cancel it, and it is deleted on either, or once it expires.
/// </summary>
public class PendingImport
{
    public const int FileNameMaxLength = 255;

    /// <summary>20 MB: the council's largest progress-update documents, with pictures, are a few MB.</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    public const string MaxBytesText = "20 MB";

    /// <summary>How long a preview waits for its confirmation.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public Guid Id { get; set; }

    public required string OwnerId { get; set; }

    public ApplicationUser? Owner { get; set; }

    /// <summary>The uploaded file's own name, without any folder.</summary>
    public required string FileName { get; set; }

    public required byte[] Content { get; set; }

    /// <summary>For a new review: the committee that carried it out (the document does not name it).</summary>
    public int? SelectCommitteeId { get; set; }

    public SelectCommittee? SelectCommittee { get; set; }

    /// <summary>For a later round's document: the review already here that it adds a round to.</summary>
    public int? ReviewId { get; set; }

    public Review? Review { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime ExpiresAtUtc { get; set; }
}

/// <summary>
/// A confirmed import: which document a review (and its round) came from, who imported it and when.
/// Audited like the plan it created, so the review's audit trail names the file.
/// </summary>
public class DocumentImport
{
    public int Id { get; set; }

    public int ReviewId { get; set; }

    public Review? Review { get; set; }

    /// <summary>The round the document's evidence was imported into, if it had any.</summary>
    public int? RoundId { get; set; }

    public Round? Round { get; set; }

    public required string FileName { get; set; }

    public string? ImportedById { get; set; }

    public ApplicationUser? ImportedBy { get; set; }

    public DateTime ImportedAtUtc { get; set; }
}
