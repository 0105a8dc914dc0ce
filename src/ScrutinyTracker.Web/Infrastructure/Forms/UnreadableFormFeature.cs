namespace ScrutinyTracker.Web.Infrastructure.Forms;

/// <summary>Why a posted form could not be read; the error page says so, and how to get the text back.</summary>
public enum UnreadableFormReason
{
    /// <summary>The body is larger than <see cref="FormLimits.MaxBodyBytes"/> (413).</summary>
    TooLarge,

    /// <summary>More than <see cref="FormLimits.MaxFields"/> fields, or a field name that long (400).</summary>
    TooManyFields,

    /// <summary>The body ended early, or is not a form at all (400).</summary>
    Incomplete,

    /// <summary>
    /// The form's antiforgery token did not match this browser's session (400): the page was opened
    /// before the person signed out and in again, or as someone else (<see cref="ExpiredFormFilter"/>).
    /// </summary>
    Expired,
}

public sealed record UnreadableFormFeature(UnreadableFormReason Reason);
