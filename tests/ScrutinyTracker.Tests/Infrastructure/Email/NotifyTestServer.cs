using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ScrutinyTracker.Tests.Infrastructure.Email;

/// <summary>A notification as the stand-in received it from GOV.UK Notify's .NET client.</summary>
public sealed record NotifyEmail(string Id, string EmailAddress, string TemplateId, string Subject, string Body, string? Reference, string? ReplyToId);

/// <summary>
/// A loopback stand-in for GOV.UK Notify's API, as its documentation describes it, for the real
/// GovukNotify client to call: POST /v2/notifications/email and GET /v2/notifications (filtered by
/// reference). Every request must carry the JWT the client makes from the API key
/// ("{name}-{service id}-{secret}"): HS256 signed with the secret, "iss" the service id, "iat" now;
/// anything else gets Notify's 403. <see cref="StopAsync"/> leaves the port refusing connections, as
/// Notify unreachable; <see cref="AnswerWith"/> makes it answer every send with an error status;
/// <see cref="Refuse"/> answers sends to one address with Notify's 400; <see cref="HoldReplies"/> keeps
/// each notification received but withholds the answer, so a test can stop the sender after Notify has
/// it and before it knows. Never run against Notify itself: there is no network here.
/// </summary>
public sealed class NotifyTestServer : IAsyncDisposable
{
    public const string ServiceId = "6c8bd3a1-3f4e-4d7c-9d3b-2f1a0e5c7b90";
    public const string Secret = "0f4a1e2b-9c3d-4e5f-8a6b-7c8d9e0f1a2b";

    /// <summary>A key of Notify's format for this stand-in's service.</summary>
    public const string ApiKey = $"scrutiny_test-{ServiceId}-{Secret}";

    private readonly ConcurrentQueue<NotifyEmail> _received = new();
    private readonly ConcurrentDictionary<string, int> _refused = new(StringComparer.OrdinalIgnoreCase);
    private WebApplication? _app;
    private volatile TaskCompletionSource? _held;
    private int _lookups;
    private int _rejectedTokens;
    private volatile int _answer;

    public NotifyTestServer() => Port = SmtpTestServer.FreePort();

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public IReadOnlyList<NotifyEmail> Received => _received.ToList();

    /// <summary>How many GET /v2/notifications (reference look-ups) were made.</summary>
    public int Lookups => _lookups;

    /// <summary>How many requests came without a valid token.</summary>
    public int RejectedTokens => _rejectedTokens;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, Port));
        var app = builder.Build();
        app.MapPost("/v2/notifications/email", (Delegate)SendAsync);
        app.MapGet("/v2/notifications", (Delegate)List);
        await app.StartAsync();
        _app = app;
    }

    public async Task StopAsync()
    {
        Release();
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>Every send is answered with <paramref name="status"/> (500, 429 …) and kept nowhere; 0 answers normally again.</summary>
    public void AnswerWith(int status) => _answer = status;

    /// <summary>Sends to <paramref name="address"/> are answered with <paramref name="status"/>: Notify's 400 for a recipient a team-only key cannot reach, or a 500.</summary>
    public void Refuse(string address, int status = 400) => _refused[address] = status;

    public void Accept(string address) => _refused.TryRemove(address, out _);

    public void HoldReplies() => _held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release()
    {
        var held = _held;
        _held = null;
        held?.TrySetResult();
    }

    public async Task<IReadOnlyList<NotifyEmail>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(2));
        while (_received.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The Notify stand-in received {_received.Count} of the {count} notifications expected.");
            }

            await Task.Delay(25);
        }

        return Received;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task<IResult> SendAsync(HttpContext context)
    {
        if (!Authorised(context.Request))
        {
            return AuthError();
        }

        var request = await JsonNode.ParseAsync(context.Request.Body) ?? throw new InvalidOperationException("No JSON body.");
        var address = (string?)request["email_address"] ?? "";
        var templateId = (string?)request["template_id"] ?? "";
        var personalisation = request["personalisation"]?.AsObject();
        if (_answer is var status and > 0)
        {
            return Error(status, status == 429 ? "RateLimitError" : "Exception", status == 429 ? "Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds" : "Internal server error");
        }

        if (_refused.TryGetValue(address, out var refusal))
        {
            return refusal == 400
                ? Error(400, "BadRequestError", "Can’t send to this recipient using a team-only API key")
                : Error(refusal, "Exception", "Internal server error");
        }

        if (personalisation?["subject"] is null || personalisation["body"] is null)
        {
            return Error(400, "BadRequestError", "Missing personalisation: subject, body");
        }

        var email = new NotifyEmail(Guid.NewGuid().ToString(), address, templateId, (string)personalisation["subject"]!, (string)personalisation["body"]!,
            (string?)request["reference"], (string?)request["email_reply_to_id"]);
        _received.Enqueue(email);
        if (_held is { } held)
        {
            await held.Task.WaitAsync(context.RequestAborted);
        }

        return Results.Json(new JsonObject
        {
            ["id"] = email.Id,
            ["reference"] = email.Reference,
            ["content"] = new JsonObject { ["subject"] = email.Subject, ["body"] = email.Body, ["from_email"] = "scrutiny.tracker@notifications.service.gov.uk" },
            ["uri"] = $"{BaseUrl}/v2/notifications/{email.Id}",
            ["template"] = Template(email.TemplateId),
        }, statusCode: 201);
    }

    private IResult List(HttpContext context)
    {
        if (!Authorised(context.Request))
        {
            return AuthError();
        }

        Interlocked.Increment(ref _lookups);
        var reference = context.Request.Query["reference"].ToString();
        var type = context.Request.Query["template_type"].ToString();
        var notifications = new JsonArray();
        foreach (var email in _received.Reverse().Where(e => e.Reference == reference && type is "" or "email"))
        {
            notifications.Add(new JsonObject
            {
                ["id"] = email.Id,
                ["reference"] = email.Reference,
                ["email_address"] = email.EmailAddress,
                ["type"] = "email",
                ["status"] = "delivered",
                ["template"] = Template(email.TemplateId),
                ["body"] = email.Body,
                ["subject"] = email.Subject,
                ["created_at"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ"),
            });
        }

        return Results.Json(new JsonObject
        {
            ["notifications"] = notifications,
            ["links"] = new JsonObject { ["current"] = $"{BaseUrl}/v2/notifications?reference={Uri.EscapeDataString(reference)}" },
        });
    }

    private JsonObject Template(string id) => new() { ["id"] = id, ["version"] = 1, ["uri"] = $"{BaseUrl}/v2/template/{id}" };

    private static IResult Error(int status, string error, string message) => Results.Json(new JsonObject
    {
        ["status_code"] = status,
        ["errors"] = new JsonArray(new JsonObject { ["error"] = error, ["message"] = message }),
    }, statusCode: status);

    private IResult AuthError()
    {
        Interlocked.Increment(ref _rejectedTokens);
        return Error(403, "AuthError", "Invalid token: API key not found");
    }

    /// <summary>Notify's check: "Bearer {JWT}", HS256 over header.payload with the key's secret, iss = service id, iat within 30 seconds.</summary>
    private static bool Authorised(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return false;
        }

        var parts = header["Bearer ".Length..].Split('.');
        if (parts.Length != 3)
        {
            return false;
        }

        try
        {
            var head = JsonNode.Parse(Base64Url(parts[0]));
            var claims = JsonNode.Parse(Base64Url(parts[1]));
            var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"));
            var issuedAt = DateTimeOffset.FromUnixTimeSeconds((long)(double)claims!["iat"]!);
            return (string?)head!["alg"] == "HS256"
                && CryptographicOperations.FixedTimeEquals(expected, Base64Url(parts[2]))
                && (string?)claims["iss"] == ServiceId
                && (DateTimeOffset.UtcNow - issuedAt).Duration() < TimeSpan.FromSeconds(30);
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException or NullReferenceException or ArgumentException)
        {
            return false;
        }
    }

    private static byte[] Base64Url(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '='));
    }
}
