using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace ScrutinyTracker.Tests.Infrastructure.Email;

/// <summary>A message as the SMTP server received it: the envelope's recipients and the parsed message.</summary>
public sealed record ReceivedEmail(IReadOnlyList<string> EnvelopeTo, MimeMessage Message)
{
    public string MessageId => Message.MessageId ?? "";

    public string Text => Message.TextBody ?? "";

    public string Html => Message.HtmlBody ?? "";
}

/// <summary>
/// A real SMTP server (the SmtpServer library) on a loopback port of its own, started and stopped by the
/// test: <see cref="StopAsync"/> leaves the port refusing connections, as a mail server that is down.
/// <see cref="HoldReplies"/> keeps each message received but withholds the server's 250 reply, so a test
/// can stop the sender after the server has the message and before it knows.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedEmail> _received = new();
    private CancellationTokenSource? _running;
    private Task? _serverTask;
    private volatile TaskCompletionSource? _held;
    private int _answerBeforeHolding;
    private readonly ConcurrentDictionary<string, bool> _refused = new(StringComparer.OrdinalIgnoreCase);

    public SmtpTestServer() => Port = FreePort();

    public int Port { get; }

    public IReadOnlyList<ReceivedEmail> Received => _received.ToList();

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new Recipients(this));
        var server = new SmtpServer.SmtpServer(options, services);
        _running = new CancellationTokenSource();
        _serverTask = server.StartAsync(_running.Token);
        await WaitUntilListeningAsync();
    }

    public async Task StopAsync()
    {
        if (_running is null)
        {
            return;
        }

        Release();
        await _running.CancelAsync();
        try
        {
            await _serverTask!.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
        }

        _running.Dispose();
        _running = null;
    }

    /// <summary>After <paramref name="answered"/> more messages, messages are kept but not answered until <see cref="Release"/>.</summary>
    public void HoldReplies(int answered = 0)
    {
        _answerBeforeHolding = answered;
        _held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>The server answers RCPT TO for <paramref name="address"/> with a 550, as for a mailbox that does not exist.</summary>
    public void Refuse(string address) => _refused[address] = true;

    public void Accept(string address) => _refused.TryRemove(address, out _);

    public void Release()
    {
        var held = _held;
        _held = null;
        held?.TrySetResult();
    }

    /// <summary>Waits (without moving any clock) until the server holds at least <paramref name="count"/> messages.</summary>
    public async Task<IReadOnlyList<ReceivedEmail>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(2));
        while (_received.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The SMTP server received {_received.Count} of the {count} e-mails expected.");
            }

            await Task.Delay(25);
        }

        return Received;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task WaitUntilListeningAsync()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(25);
            }
        }

        throw new InvalidOperationException($"The test SMTP server did not start on port {Port}.");
    }

    private sealed class Recipients(SmtpTestServer server) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!server._refused.ContainsKey($"{to.User}@{to.Host}"));
    }

    private sealed class Store(SmtpTestServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            server._received.Enqueue(new ReceivedEmail(transaction.To.Select(t => $"{t.User}@{t.Host}").ToList(), message));
            if (server._held is { } held && Interlocked.Decrement(ref server._answerBeforeHolding) < 0)
            {
                await held.Task.WaitAsync(cancellationToken);
            }

            return SmtpResponse.Ok;
        }
    }
}
