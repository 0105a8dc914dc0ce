using System.Globalization;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure;

namespace ScrutinyTracker.Web.Features.Public.OpenData;

/// <summary>
/// The Atom feed of published rounds, newest first: every closed round (all its updates accepted) of a
/// published review, dated when it became public (closed, or the review published, whichever was later).
/// Open rounds and unpublished reviews are never in it. One query.
/// </summary>
public sealed class RoundsFeed(PublicReports reports)
{
    public const int Entries = 50;

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public async Task<IReadOnlyList<FeedRound>> LoadAsync(CancellationToken cancellationToken)
    {
        var rounds = await reports.Published()
            .SelectMany(r => r.Rounds.Where(x => x.Status == RoundStatus.Closed), (review, round) => new FeedRound(
                round.Id, round.Label, review.Id, review.Title, review.SelectCommittee!.Name,
                round.ClosedAtUtc ?? round.OpenedAtUtc, review.PublishedAtUtc!.Value,
                round.Consideration == null ? null : round.Consideration.MeetingDate))
            .ToListAsync(cancellationToken);
        return [.. rounds.OrderByDescending(r => r.PublishedUtc).ThenByDescending(r => r.RoundId).Take(Entries)];
    }

    /// <param name="baseUrl">The site's address ("https://scrutiny.example.gov.uk"), for the absolute links Atom needs.</param>
    public static XDocument Document(IReadOnlyList<FeedRound> rounds, string baseUrl, string council, DateTime nowUtc) =>
        new(new XDeclaration("1.0", "utf-8", null),
            new XElement(Atom + "feed",
                new XElement(Atom + "id", $"{baseUrl}/public/rounds.atom"),
                new XElement(Atom + "title", $"{council}: scrutiny progress updates"),
                new XElement(Atom + "subtitle", "Monitoring rounds of published scrutiny reviews, newest first."),
                new XElement(Atom + "updated", Timestamp(rounds.Count == 0 ? nowUtc : rounds[0].PublishedUtc)),
                new XElement(Atom + "author", new XElement(Atom + "name", council)),
                new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", $"{baseUrl}/public/rounds.atom")),
                new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("href", $"{baseUrl}/public")),
                rounds.Select(r => Entry(r, baseUrl))));

    private static XElement Entry(FeedRound round, string baseUrl)
    {
        var url = $"{baseUrl}/public/reviews/{round.ReviewId}?round={round.RoundId}";
        var considered = round.MeetingDate is { } on ? $" Considered by the {round.SelectCommittee} on {UkTime.Date(on)}." : "";
        return new XElement(Atom + "entry",
            new XElement(Atom + "id", url),
            new XElement(Atom + "title", $"{round.Review}: progress update, {round.Label}"),
            new XElement(Atom + "updated", Timestamp(round.PublishedUtc)),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("href", url)),
            new XElement(Atom + "summary", $"The {round.Label} progress update of the {round.Review} review ({round.SelectCommittee}).{considered}"));
    }

    private static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}

/// <summary>A published round of the feed; <see cref="PublishedUtc"/> is when it became public.</summary>
public sealed record FeedRound(int RoundId, string Label, int ReviewId, string Review, string SelectCommittee, DateTime ClosedUtc, DateTime ReviewPublishedUtc, DateOnly? MeetingDate)
{
    public DateTime PublishedUtc => ClosedUtc > ReviewPublishedUtc ? ClosedUtc : ReviewPublishedUtc;
}
