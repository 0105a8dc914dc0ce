using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using ScrutinyTracker.Web.Features.Reports;
using ScrutinyTracker.Web.Infrastructure.Web;

namespace ScrutinyTracker.Web.Features.Imports;

/// <summary>The upload: the Word document, and the Select Committee of the new review (the document does not name it).</summary>
public sealed class UploadForm
{
    public IFormFile? Document { get; set; }

    [InvalidValueMessage("Select the Select Committee")]
    public int? SelectCommitteeId { get; set; }

    /// <summary>Empty for a new review; else the review already here whose later round the document reports.</summary>
    [InvalidValueMessage("Select the review from the list, or A new review")]
    public int? ReviewId { get; set; }

    [BindNever]
    public IReadOnlyList<SelectListItem> SelectCommittees { get; set; } = [];

    /// <summary>Reviews still monitored, whose next round a document may bring.</summary>
    [BindNever]
    public IReadOnlyList<SelectListItem> Reviews { get; set; } = [];
}

/// <summary>The preview's confirmation: the link officers chosen for the review.</summary>
public sealed class ConfirmImportForm
{
    public List<string> LinkOfficerIds { get; set; } = [];
}

/// <summary>
/// The preview of an import: what will be created, shown as the report will show it, the warnings
/// (each uncertain thing the reader met) and problems (which stop the import), and the link officers to pick.
/// </summary>
public sealed record ImportPreviewView(
    Guid ImportId,
    string FileName,
    ImportedDocument Document,
    ReportView? Report,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The stored upload the preview was read from.</summary>
    public required Domain.PendingImport Pending { get; init; }

    public List<string> LinkOfficerIds { get; init; } = [];

    /// <summary>For a later round's document: what matched the review already here, and what did not.</summary>
    public LaterRoundMatching.Result? Matching { get; init; }

    public IReadOnlyList<string> Problems => [.. Document.Problems, .. Matching?.Problems ?? []];

    public bool CanBeImported => Problems.Count == 0;

    public IReadOnlyList<SelectListItem> LinkOfficers { get; init; } = [];

    public ReportSummary? Summary => Report is null || Report.Round is null ? null : ReportSummary.For(Report);

    public int ActionCount => Report?.ActionsInOrder.Count() ?? 0;

    public int UpdateCount => Report?.Updates.Count ?? 0;

    public int SignedOffCount => Report?.Updates.Values.Count(u => u.Decision?.Outcome == Domain.CommitteeOutcome.SignedOff) ?? 0;
}
