namespace ScrutinyTracker.Web.Domain;

/// <summary>The four kinds of user. Names are stored in the database: don't rename them.</summary>
public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string ScrutinyOfficer = nameof(ScrutinyOfficer);
    public const string LinkOfficer = nameof(LinkOfficer);
    public const string CommitteeMember = nameof(CommitteeMember);

    public static IReadOnlyList<string> All { get; } = [Administrator, ScrutinyOfficer, LinkOfficer, CommitteeMember];

    public static string DisplayName(string role) => role switch
    {
        Administrator => "Administrator",
        ScrutinyOfficer => "Scrutiny officer",
        LinkOfficer => "Link officer",
        CommitteeMember => "Committee member",
        _ => role,
    };
}
