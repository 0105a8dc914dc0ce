using FluentValidation;

namespace ScrutinyTracker.Web.Features.Account;

public sealed class ChangePasswordForm
{
    public string CurrentPassword { get; set; } = "";
    public string NewPassword { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
}

public sealed class ChangePasswordFormValidator : AbstractValidator<ChangePasswordForm>
{
    public const int MinimumLength = 12;

    public ChangePasswordFormValidator()
    {
        RuleFor(f => f.CurrentPassword).NotEmpty().WithMessage("Enter your current password");
        RuleFor(f => f.NewPassword).NotEmpty().WithMessage("Enter a new password")
            .MinimumLength(MinimumLength).WithMessage($"Password must be at least {MinimumLength} characters")
            .MaximumLength(256).WithMessage("Password must be 256 characters or fewer")
            .NotEqual(f => f.CurrentPassword).WithMessage("Your new password must be different from your current password");
        RuleFor(f => f.ConfirmPassword).Equal(f => f.NewPassword).WithMessage("The passwords do not match");
    }
}
