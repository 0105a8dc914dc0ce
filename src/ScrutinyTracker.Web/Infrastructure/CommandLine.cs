using ScrutinyTracker.Web.Features.Users;
using ScrutinyTracker.Web.Infrastructure.Database;

namespace ScrutinyTracker.Web.Infrastructure;

/// <summary>Administrative commands run instead of the web server: <c>dotnet run -- create-admin …</c>.</summary>
public static class CommandLine
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] == CreateAdminCommand.Name;

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        await app.Services.InitializeDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CreateAdminCommand>()
            .RunAsync(args[1..], Console.In, Console.Out, Console.IsInputRedirected);
    }
}
