using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ScrutinyTracker.Web.Infrastructure.Forms;

/// <summary>
/// How much one form post may carry. The body limit is the only size limit: a value may use all of it,
/// so that text pasted into a field, however long, reaches the field's own length rule and comes back
/// with its message rather than being refused unread.
/// </summary>
public static class FormLimits
{
    /// <summary>10 MB: a round of 100 actions with the longest evidence in any script fits several times over.</summary>
    public const long MaxBodyBytes = 10 * 1024 * 1024;

    public const string MaxBodyText = "10 MB";

    /// <summary>The Word import's upload: a document of up to 20 MB and the form around it, so a larger one gets its own message.</summary>
    public const long MaxUploadBodyBytes = Domain.PendingImport.MaxBytes + 1024 * 1024;

    /// <summary>Paths whose posts carry a file, with the body limit they allow.</summary>
    public static long MaxBodyBytesFor(PathString path) =>
        path.Equals("/imports/word", StringComparison.OrdinalIgnoreCase) ? MaxUploadBodyBytes : MaxBodyBytes;

    /// <summary>ASP.NET Core's default: a round form of 255 actions (4 fields each, and the token) fits.</summary>
    public const int MaxFields = 1024;

    public const int MaxFieldNameLength = 2048;

    public static IServiceCollection AddScrutinyFormLimits(this IServiceCollection services)
    {
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = MaxBodyBytes);
        services.Configure<FormOptions>(o =>
        {
            o.ValueCountLimit = MaxFields;
            o.KeyLengthLimit = MaxFieldNameLength;
            o.ValueLengthLimit = (int)MaxBodyBytes;
            o.MultipartBodyLengthLimit = MaxBodyBytes;
            o.BufferBodyLengthLimit = MaxBodyBytes;
        });
        return services;
    }
}
