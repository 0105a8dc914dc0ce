using FluentValidation;

namespace ScrutinyTracker.Web.Features.Account;

public sealed class SignInForm
{
    public string Email { get; set; } = "";
    public string Password { get; set; } = "";
    public string? ReturnUrl { get; set; }

    /// <summary>The user was signed out by the timeout warning: the page says why.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public bool TimedOut { get; set; }
}

public sealed class SignInFormValidator : AbstractValidator<SignInForm>
{
    public SignInFormValidator()
    {
        RuleFor(f => f.Email).NotEmpty().WithMessage("Enter your email address")
            .MaximumLength(256).WithMessage("Email address must be 256 characters or fewer");
        RuleFor(f => f.Password).NotEmpty().WithMessage("Enter your password")
            .MaximumLength(256).WithMessage("Password must be 256 characters or fewer");
    }
}
