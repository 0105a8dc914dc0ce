using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Data.Configurations;

public sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(Review.TitleMaxLength);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => r.Title);
        builder.HasIndex(r => r.PublishedAtUtc);
        // The committee-pack form's page of a committee's reviews, by title: walked in order, stopping at the page.
        builder.HasIndex(r => new { r.SelectCommitteeId, r.Title });
        builder.Property(r => r.MonitoringClosedReason).HasMaxLength(Review.ClosedReasonMaxLength);
        builder.ToTable(t => t.HasCheckConstraint("CK_Reviews_Intervals",
            "(FirstUpdateMonths IS NULL OR FirstUpdateMonths IN (3, 6, 12)) AND (FollowUpMonths IS NULL OR FollowUpMonths IN (3, 6, 12))"));

        builder.HasOne(r => r.SelectCommittee).WithMany()
            .HasForeignKey(r => r.SelectCommitteeId)
            .OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(r => r.LinkOfficers).WithOne()
            .HasForeignKey(l => l.ReviewId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Recommendations).WithOne(x => x.Review)
            .HasForeignKey(x => x.ReviewId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Rounds).WithOne(x => x.Review)
            .HasForeignKey(x => x.ReviewId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ReviewLinkOfficerConfiguration : IEntityTypeConfiguration<ReviewLinkOfficer>
{
    public void Configure(EntityTypeBuilder<ReviewLinkOfficer> builder)
    {
        builder.HasKey(l => new { l.ReviewId, l.UserId });
        builder.HasIndex(l => l.UserId);
        // Users are deactivated, never deleted, so their assignments stay as history.
        builder.HasOne(l => l.User).WithMany()
            .HasForeignKey(l => l.UserId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
