using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Data.Configurations;

/// <summary>One row per round with accepted grades, found through its round (decision 0018).</summary>
public sealed class RoundSummaryConfiguration : IEntityTypeConfiguration<RoundSummary>
{
    public void Configure(EntityTypeBuilder<RoundSummary> builder)
    {
        builder.HasKey(s => s.RoundId);
        builder.Property(s => s.RoundId).ValueGeneratedNever();
        builder.HasOne<Round>().WithOne(r => r.Summary)
            .HasForeignKey<RoundSummary>(s => s.RoundId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
