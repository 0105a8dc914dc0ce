using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Data.Configurations;

/// <summary>One row per review; indexes for every filter and sort of the lists that read it (decision 0018).</summary>
public sealed class ReviewSummaryConfiguration : IEntityTypeConfiguration<ReviewSummary>
{
    public void Configure(EntityTypeBuilder<ReviewSummary> builder)
    {
        builder.HasKey(s => s.ReviewId);
        builder.Property(s => s.ReviewId).ValueGeneratedNever();
        builder.Property(s => s.TitleKey).HasMaxLength(Review.TitleMaxLength);
        builder.Property(s => s.Stage).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.RoundAwaitingCommittee).HasMaxLength(Round.LabelMaxLength);
        builder.Property(s => s.LatestRound).HasMaxLength(Round.LabelMaxLength);
        builder.Ignore(s => s.Life);

        builder.HasOne<Review>().WithOne(r => r.Summary)
            .HasForeignKey<ReviewSummary>(s => s.ReviewId)
            .OnDelete(DeleteBehavior.Cascade);

        builder.HasIndex(s => s.TitleKey);
        builder.HasIndex(s => new { s.Completed, s.TitleKey });
        // Due for update's reviews due by a date.
        builder.HasIndex(s => new { s.NextUpdateDue, s.TitleKey });
        builder.HasIndex(s => s.ExecutiveResponseDue);

        // The dashboard: each of its sorts (title, due date, % fully achieved, each then by title), unfiltered and
        // under each of its filters (committee, stage, year), so that SQLite walks an index and stops at the page.
        builder.HasIndex(s => new { s.DueSortKey, s.TitleKey });
        builder.HasIndex(s => new { s.AchievedSortKey, s.TitleKey });
        builder.HasIndex(s => new { s.SelectCommitteeId, s.TitleKey });
        builder.HasIndex(s => new { s.SelectCommitteeId, s.DueSortKey, s.TitleKey });
        builder.HasIndex(s => new { s.SelectCommitteeId, s.AchievedSortKey, s.TitleKey });
        builder.HasIndex(s => new { s.Stage, s.TitleKey });
        builder.HasIndex(s => new { s.Stage, s.DueSortKey, s.TitleKey });
        builder.HasIndex(s => new { s.Stage, s.AchievedSortKey, s.TitleKey });
        builder.HasIndex(s => new { s.AgreedYear, s.TitleKey });
        builder.HasIndex(s => new { s.AgreedYear, s.DueSortKey, s.TitleKey });
        builder.HasIndex(s => new { s.AgreedYear, s.AchievedSortKey, s.TitleKey });
    }
}
