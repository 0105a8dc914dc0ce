using MimeKit;

namespace ScrutinyTracker.Web.Infrastructure.Email;

/// <summary>
/// Development's mail: each message is written to Email:Folder as an .eml file named after its
/// Message-Id, so a message sent again after a crash replaces its own file.
/// </summary>
public sealed class FolderTransport(EmailSettings settings, IHostEnvironment environment) : IEmailTransport
{
    public string FolderPath => Path.GetFullPath(Path.Combine(environment.ContentRootPath, settings.Options.Folder));

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(FolderPath);
        var file = Path.Combine(FolderPath, FileName(message.MessageId ?? throw new ArgumentException("The message has no Message-Id.", nameof(message))));
        var partial = file + ".partial";
        await message.WriteToAsync(partial, cancellationToken);
        File.Move(partial, file, overwrite: true);
    }

    /// <summary>The local part of the Message-Id: 32 hexadecimal digits, safe as a file name.</summary>
    public static string FileName(string messageId) => messageId.Split('@')[0] + ".eml";
}
