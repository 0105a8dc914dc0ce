using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.Users;

/// <summary>A new account, with the one-time password its owner must change at first sign-in.</summary>
public sealed class NewUserForm
{
    public string DisplayName { get; set; } = "";
    public string Email { get; set; } = "";
    public string Role { get; set; } = "";
    public string OneTimePassword { get; set; } = "";

    /// <summary>E-mail an invitation to set a password, instead of a one-time password read out (only when mail is set up).</summary>
    [Infrastructure.Web.InvalidValueMessage("Choose whether to e-mail them an invitation or give them the one-time password yourself")]
    public bool SendInvitation { get; set; }

    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public bool MailEnabled { get; set; }
}

public sealed class EditUserForm
{
    public string DisplayName { get; set; } = "";
    public string Email { get; set; } = "";
    public string Role { get; set; } = "";

    /// <summary>Identity's concurrency stamp: two administrators editing one account can't overwrite each other.</summary>
    public string? ConcurrencyStamp { get; set; }
}

public sealed class OneTimePasswordForm
{
    public string OneTimePassword { get; set; } = "";
}

public static class UserFormRules
{
    public static IEnumerable<SelectListItem> RoleItems() =>
        Roles.All.Select(r => new SelectListItem(Roles.DisplayName(r), r));

    public static void DisplayName<T>(this AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, string>> name) =>
        validator.RuleFor(name).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter the person's full name")
            .MaximumLength(ApplicationUser.DisplayNameMaxLength).WithMessage($"Full name must be {ApplicationUser.DisplayNameMaxLength} characters or fewer");

    public static void Email<T>(this AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, string>> email) =>
        validator.RuleFor(email).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter an email address")
            .MaximumLength(256).WithMessage("Email address must be 256 characters or fewer")
            .Must(Infrastructure.Security.EmailAddresses.IsValid).WithMessage("Enter an email address in the correct format, like name@council.gov.uk");

    public static void Role<T>(this AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, string>> role) =>
        validator.RuleFor(role).Must(r => Roles.All.Contains(r)).WithMessage("Select the person's role");

    public static void OneTimePassword<T>(this AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, string>> password) =>
        validator.RuleFor(password).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter a one-time password")
            .MinimumLength(12).WithMessage("One-time password must be at least 12 characters")
            .MaximumLength(256).WithMessage("One-time password must be 256 characters or fewer");
}

public sealed class NewUserFormValidator : AbstractValidator<NewUserForm>
{
    public NewUserFormValidator()
    {
        this.DisplayName(f => f.DisplayName);
        this.Email(f => f.Email);
        this.Role(f => f.Role);
        When(f => !f.SendInvitation, () => this.OneTimePassword(f => f.OneTimePassword));
    }
}

public sealed class EditUserFormValidator : AbstractValidator<EditUserForm>
{
    public EditUserFormValidator()
    {
        this.DisplayName(f => f.DisplayName);
        this.Email(f => f.Email);
        this.Role(f => f.Role);
    }
}

public sealed class OneTimePasswordFormValidator : AbstractValidator<OneTimePasswordForm>
{
    public OneTimePasswordFormValidator() => this.OneTimePassword(f => f.OneTimePassword);
}
