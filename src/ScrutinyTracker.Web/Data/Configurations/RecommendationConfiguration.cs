using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Data.Configurations;

public sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> builder)
    {
        builder.Property(r => r.Text).HasMaxLength(Recommendation.TextMaxLength);
        builder.Property(r => r.MonitoringClosedReason).HasMaxLength(Recommendation.ClosedReasonMaxLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.ReviewId, r.Number }).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("CK_Recommendations_Number", "Number >= 1"));

        builder.HasMany(r => r.Parts).WithOne(p => p.Recommendation)
            .HasForeignKey(p => p.RecommendationId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Actions).WithOne(a => a.Recommendation)
            .HasForeignKey(a => a.RecommendationId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class RecommendationPartConfiguration : IEntityTypeConfiguration<RecommendationPart>
{
    public void Configure(EntityTypeBuilder<RecommendationPart> builder)
    {
        builder.Property(p => p.Letter).HasMaxLength(RecommendationPart.LetterMaxLength);
        builder.Property(p => p.Text).HasMaxLength(RecommendationPart.TextMaxLength);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => new { p.RecommendationId, p.Letter }).IsUnique();

        // Actions already cascade from their recommendation; a second cascade path through the
        // part is refused by SQL Server, and the app removes a part's actions itself.
        builder.HasMany(p => p.Actions).WithOne(a => a.Part)
            .HasForeignKey(a => a.PartId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
