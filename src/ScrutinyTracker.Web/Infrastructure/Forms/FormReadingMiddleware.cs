using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace ScrutinyTracker.Web.Infrastructure.Forms;

/// <summary>
/// Reads every posted form once, before anything else asks for it, so a form that cannot be read is
/// answered here: 413 when it is too large, 400 when it has too many fields or ended early, each with
/// a page saying what happened (<see cref="UnreadableFormFeature"/>). Without this, the antiforgery
/// check met the failure first and answered a bare 400 that the error page could not explain.
/// </summary>
/// <remarks>
/// URL-encoded forms are parsed with <see cref="FormReader"/>, which keeps a NUL character where
/// ASP.NET Core's own reader refuses the whole form: the NUL then reaches the one rule for control
/// characters in text (<see cref="Text.ControlCharacterModelBinder"/>), which shows the field again
/// with the rest of its text and says what was removed.
/// </remarks>
public sealed class FormReadingMiddleware(RequestDelegate next, IOptions<FormOptions> formOptions, ILogger<FormReadingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        // An error page re-executed for a failed post must not read that post's body again.
        var reExecuted = context.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || context.Features.Get<IExceptionHandlerPathFeature>() is not null;
        if (reExecuted || !HttpMethods.IsPost(request.Method) || !request.HasFormContentType)
        {
            await next(context);
            return;
        }

        var refused = await TryReadAsync(context);
        if (refused is { } reason)
        {
            logger.LogWarning("A posted form to {Path} could not be read: {Reason}", request.Path, reason);
            context.Features.Set(new UnreadableFormFeature(reason));
            // Whatever runs next (the error page) sees an empty form instead of reading the body again.
            context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
            context.Response.StatusCode = reason == UnreadableFormReason.TooLarge
                ? StatusCodes.Status413PayloadTooLarge
                : StatusCodes.Status400BadRequest;
            return;
        }

        await next(context);
    }

    private async Task<UnreadableFormReason?> TryReadAsync(HttpContext context)
    {
        var request = context.Request;
        var limit = FormLimits.MaxBodyBytesFor(request.Path);
        if (request.ContentLength > limit)
        {
            return UnreadableFormReason.TooLarge;
        }

        if (limit != FormLimits.MaxBodyBytes)
        {
            AllowLargerBody(context, limit);
        }

        try
        {
            if (IsUrlEncoded(request))
            {
                var options = formOptions.Value;
                using var reader = new FormReader(request.Body)
                {
                    ValueCountLimit = options.ValueCountLimit,
                    KeyLengthLimit = options.KeyLengthLimit,
                    ValueLengthLimit = options.ValueLengthLimit,
                };
                var values = await reader.ReadFormAsync(context.RequestAborted);
                context.Features.Set<IFormFeature>(new FormFeature(new FormCollection(values)));
            }
            else
            {
                await request.ReadFormAsync(context.RequestAborted);
            }

            return null;
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return UnreadableFormReason.TooLarge;
        }
        // The readers say which limit was passed only in their messages: "Form value count limit 1024
        // exceeded.", "Form key length limit…", "Multipart body length limit…".
        catch (InvalidDataException exception) when (Says(exception, "count limit") || Says(exception, "key length limit") || Says(exception, "header"))
        {
            return UnreadableFormReason.TooManyFields;
        }
        catch (InvalidDataException exception) when (Says(exception, "length limit"))
        {
            return UnreadableFormReason.TooLarge;
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException)
        {
            // A body that ended early (Kestrel's BadHttpRequestException is an IOException), or a
            // multipart body without its boundaries.
            return UnreadableFormReason.Incomplete;
        }
    }

    /// <summary>An upload's larger limit, for Kestrel and for the multipart reader (whose options are otherwise the app's).</summary>
    private void AllowLargerBody(HttpContext context, long limit)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        var options = formOptions.Value;
        context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions
        {
            ValueCountLimit = options.ValueCountLimit,
            KeyLengthLimit = options.KeyLengthLimit,
            ValueLengthLimit = options.ValueLengthLimit,
            MultipartBodyLengthLimit = limit,
            BufferBodyLengthLimit = limit,
        }));
    }

    private static bool Says(Exception exception, string words) => exception.Message.Contains(words, StringComparison.OrdinalIgnoreCase);

    private static bool IsUrlEncoded(HttpRequest request) =>
        request.ContentType is { } type && type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
}
