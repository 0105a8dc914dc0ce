using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Data.Seed;

/// <summary>One demo account per role, seeded in Development only (listed in the README).</summary>
public static class DemoUsers
{
    public const string Password = "kestrel-lantern-meadow";

    public const string AdministratorEmail = "admin@example.gov.uk";
    public const string ScrutinyOfficerEmail = "scrutiny.officer@example.gov.uk";
    public const string LinkOfficerEmail = "link.officer@example.gov.uk";
    public const string CommitteeMemberEmail = "committee.member@example.gov.uk";

    public static IReadOnlyList<(string Email, string Name, string Role)> All { get; } =
    [
        (AdministratorEmail, "Alex Admin", Roles.Administrator),
        (ScrutinyOfficerEmail, "Sam Scrutiny", Roles.ScrutinyOfficer),
        // The Hate Crime document names Marc Stephenson as its link officer.
        (LinkOfficerEmail, "Marc Stephenson", Roles.LinkOfficer),
        (CommitteeMemberEmail, "Chris Councillor", Roles.CommitteeMember),
    ];
}
