using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Data.Configurations;

public sealed class RoundConfiguration : IEntityTypeConfiguration<Round>
{
    public void Configure(EntityTypeBuilder<Round> builder)
    {
        builder.Property(r => r.Label).HasMaxLength(Round.LabelMaxLength);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.ReviewId, r.Label }).IsUnique();
        // The committee-pack form's round choices (a committee's rounds' labels and due dates), read from the index alone.
        builder.HasIndex(r => new { r.ReviewId, r.Label, r.DueDate }).HasDatabaseName("IX_Rounds_ReviewId_Label_DueDate");
        // Due for update's lists of rounds awaiting the committee and open rounds, by due date.
        builder.HasIndex(r => new { r.Status, r.DueDate });

        // At most one open round per review. The filter is plain SQL that both providers accept.
        builder.HasIndex(r => r.ReviewId)
            .IsUnique()
            .HasFilter("Status = 'Open'")
            .HasDatabaseName("IX_Rounds_OneOpenPerReview");

        builder.HasMany(r => r.Updates).WithOne(u => u.Round)
            .HasForeignKey(u => u.RoundId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
