namespace ScrutinyTracker.Web.Features.Users;

public sealed record UserListView(IReadOnlyList<UserListItem> Users, int Page, int Pages, int Total, string? Search);

public sealed record UserListItem(string Id, string DisplayName, string Email, string? Role, bool IsActive, bool MustChangePassword, bool LockedOut);

public sealed record UserView(string Id, string DisplayName, string Email, string? Role, bool IsActive, bool MustChangePassword, IReadOnlyList<string> LinkOfficerFor);

public sealed record PasswordSetView(string UserId, string DisplayName, string Email, string OneTimePassword, bool IsNewUser);
