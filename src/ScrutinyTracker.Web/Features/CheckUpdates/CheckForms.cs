using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Updates;

namespace ScrutinyTracker.Web.Features.CheckUpdates;

/// <summary>The submitted updates the officer saw when choosing "Accept all": only those, as they saw them, are accepted.</summary>
public sealed class AcceptAllForm
{
    public List<SeenUpdate> Updates { get; set; } = [];
}

public sealed class SeenUpdate
{
    public int Id { get; set; }
    public Guid Version { get; set; }
}

/// <summary>
/// Accepts one submitted update, as the officer saw it. The check page's decision form posts its comment
/// box here too: a comment typed for the link officer is never silently dropped by accepting.
/// </summary>
public sealed class AcceptUpdateForm
{
    public Guid Version { get; set; }
    public string? Comment { get; set; }
}

/// <summary>Sends one submitted update back to the link officer, with what to change.</summary>
public sealed class ReturnUpdateForm
{
    public Guid Version { get; set; }
    public string? Comment { get; set; }

    [BindNever, ValidateNever]
    public CheckedUpdate? Shown { get; set; }
}

public sealed class ReturnUpdateFormValidator : AbstractValidator<ReturnUpdateForm>
{
    public ReturnUpdateFormValidator()
    {
        RuleFor(f => f.Comment).NotEmpty().WithMessage("Enter what the link officer should change")
            .MaximumLength(ProgressUpdate.ReturnCommentMaxLength)
            .WithMessage($"The comment must be {ProgressUpdate.ReturnCommentMaxLength:N0} characters or fewer");
    }
}

/// <summary>Unlocks an accepted update so the link officer can change it; the reason is shown to them and kept in the audit trail.</summary>
public sealed class ReopenUpdateForm
{
    public Guid Version { get; set; }
    public string? Reason { get; set; }

    [BindNever, ValidateNever]
    public CheckedUpdate? Shown { get; set; }
}

public sealed class ReopenUpdateFormValidator : AbstractValidator<ReopenUpdateForm>
{
    public ReopenUpdateFormValidator()
    {
        RuleFor(f => f.Reason).NotEmpty().WithMessage("Enter why the update is being reopened")
            .MaximumLength(ProgressUpdate.ReturnCommentMaxLength)
            .WithMessage($"The reason must be {ProgressUpdate.ReturnCommentMaxLength:N0} characters or fewer");
    }
}

/// <summary>The update a return or reopen page is about, in its round (whose updates are <paramref name="Items"/>).</summary>
public sealed record CheckedUpdate(RoundHeader Round, UpdateItem Item, IReadOnlyList<UpdateItem> Items);

/// <summary>The check queue: every update of a round, in document order.</summary>
public sealed record CheckPage(RoundHeader Round, IReadOnlyList<UpdateItem> Items)
{
    /// <summary>The model-state key of an update's comment box on the check page ("Updates[17].Comment").</summary>
    public static string CommentKey(int updateId) => $"Updates[{updateId}].Comment";

    public IReadOnlyList<UpdateItem> Submitted { get; } = Items.Where(i => i.Status == UpdateStatus.Submitted).ToList();

    public int Count(UpdateStatus status) => Items.Count(i => i.Status == status);
}
