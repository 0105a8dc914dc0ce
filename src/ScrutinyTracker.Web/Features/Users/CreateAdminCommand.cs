using System.Text;
using Microsoft.AspNetCore.Identity;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure.Database;

namespace ScrutinyTracker.Web.Features.Users;

/// <summary>
/// Creates the first administrator of a new installation, which has no default accounts:
/// <c>create-admin --email someone@council.gov.uk --name "Full Name"</c>. The password is read from
/// standard input when it is redirected, otherwise asked for twice without echo.
/// </summary>
public sealed class CreateAdminCommand(ScrutinyDbContext db, UserManager<ApplicationUser> users, TimeProvider clock)
{
    public const string Name = "create-admin";

    public async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, bool inputRedirected)
    {
        var email = Option(args, "--email");
        var displayName = Option(args, "--name") ?? email;
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@'))
        {
            await output.WriteLineAsync("Usage: create-admin --email someone@council.gov.uk [--name \"Full Name\"]  (the password is read from standard input or prompted for)");
            return 2;
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            await output.WriteLineAsync($"A user with the email {email} already exists. Nothing was changed.");
            return 1;
        }

        var password = inputRedirected ? (await input.ReadLineAsync())?.TrimEnd('\r', '\n') : Prompt(output);
        if (string.IsNullOrEmpty(password))
        {
            await output.WriteLineAsync("No password was given. Nothing was changed.");
            return 1;
        }

        // The account and its role are saved together or not at all.
        var result = await db.InTransactionAsync(async () =>
        {
            var user = new ApplicationUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = displayName!.Trim(),
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            var created = await users.CreateAsync(user, password);
            return created.Succeeded ? await users.AddToRoleAsync(user, Roles.Administrator) : created;
        }, r => r.Succeeded, CancellationToken.None);
        if (!result.Succeeded)
        {
            await output.WriteLineAsync("The administrator was not created: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            return 1;
        }

        await output.WriteLineAsync($"Created the administrator {email}. Sign in at /account/sign-in.");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string? Prompt(TextWriter output)
    {
        output.Write("Password (at least 12 characters): ");
        var first = ReadHidden();
        output.Write("Confirm password: ");
        var second = ReadHidden();
        if (first != second)
        {
            output.WriteLine("The passwords do not match.");
            return null;
        }

        return first;
    }

    private static string ReadHidden()
    {
        var password = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.WriteLine();
                return password.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (password.Length > 0)
                {
                    password.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }
    }
}
